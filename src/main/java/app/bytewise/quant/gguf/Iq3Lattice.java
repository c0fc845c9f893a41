package app.bytewise.quant.gguf;

import java.util.Arrays;

/**
 * The 4-dimensional lattice of IQ3_XXS (256 points) and IQ3_S (512 points) as ggml's quantizers
 * search it: {@code iq3xs_init_impl} of ggml/src/ggml-quants.c. Every point of {@code {1, 3, …, 15}^4}
 * is indexed by its 3-bit levels ({@code index = Σ ((p_k − 1)/2) << 3k}); a point on the grid maps to
 * its grid index, any other to the grid points at its {@code nwant} smallest squared distances, listed
 * by distance and then by grid index (ggml's qsort of (distance, index) pairs with
 * {@code iq3_compare_func}, a total order). Immutable once built; each lattice is built on first use.
 */
final class Iq3Lattice {

    /** ggml's {@code kmap_size}: 4 coordinates of 3 bits. */
    static final int MAP_SIZE = 4096;

    private final int[] grid;
    private final int[] map;
    private final short[] neighbours;

    private Iq3Lattice(int[] kgrid, int nwant) {
        int n = kgrid.length;
        grid = new int[n];
        map = new int[MAP_SIZE];
        Arrays.fill(map, -1);
        for (int k = 0; k < n; k++) {
            int g = 0;
            for (int i = 0; i < 4; i++) {
                g |= (2 * ((kgrid[k] >> 3 * i) & 7) + 1) << 8 * i;
            }
            grid[k] = g;
            map[kgrid[k]] = k; // (p − 1)/2 of each coordinate gives back kgrid[k]
        }
        long[] byDistance = new long[n];
        short[] list = new short[1 << 15];
        int used = 0;
        for (int i = 0; i < MAP_SIZE; i++) {
            if (map[i] >= 0) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                int d2 = 0;
                for (int k = 0; k < 4; k++) {
                    int diff = coordinate(grid[j], k) - (2 * ((i >> 3 * k) & 7) + 1);
                    d2 += diff * diff;
                }
                byDistance[j] = (long) d2 << 32 | j; // sorts as iq3_compare_func: distance, then index
            }
            Arrays.sort(byDistance);
            int count = 0;
            long d2 = byDistance[0] >>> 32;
            for (int have = 1; count < n; count++) {
                long d = byDistance[count] >>> 32;
                if (d > d2) {
                    if (have == nwant) {
                        break;
                    }
                    d2 = d;
                    have++;
                }
            }
            if (used + 1 + count > list.length) {
                list = Arrays.copyOf(list, Math.max(2 * list.length, used + 1 + count));
            }
            map[i] = -(used + 1);
            list[used++] = (short) count;
            for (int j = 0; j < count; j++) {
                list[used++] = (short) byDistance[j];
            }
        }
        neighbours = Arrays.copyOf(list, used);
    }

    /** Coordinate {@code k} (1, 3, …, 15) of a packed point. */
    static int coordinate(int point, int k) {
        return point >>> 8 * k & 0xFF;
    }

    /** Grid point {@code k}: coordinate {@code i} in byte {@code i}, as ggml's int8 view of its uint32. */
    int point(int k) {
        return grid[k];
    }

    int size() {
        return grid.length;
    }

    /** ggml's {@code kmap_q3xs[index]}: the grid index, or −(offset + 1) of the point's neighbour list. */
    int map(int index) {
        return map[index];
    }

    /** ggml's {@code kneighbors_q3xs[offset]}: a list's length at its offset, then the grid indices. */
    int neighbour(int offset) {
        return neighbours[offset] & 0xFFFF;
    }

    /** Number of entries of the neighbour lists, lengths included (ggml's num_neighbors + num_not_in_map). */
    int neighbourEntries() {
        return neighbours.length;
    }

    /** IQ3_XXS: {@code kgrid_256}, neighbours at the 2 smallest distances. */
    static Iq3Lattice iq3xxs() {
        return Iq3xxs.LATTICE;
    }

    /** IQ3_S: {@code kgrid_512}, 3 distances. */
    static Iq3Lattice iq3s() {
        return Iq3s.LATTICE;
    }

    // Holders: a lattice is built (ggml_quantize_init's job) only when its format is first used.
    private static final class Iq3xxs {
        static final Iq3Lattice LATTICE = new Iq3Lattice(IqKGrids.table("kgrid_256"), 2);
    }

    private static final class Iq3s {
        static final Iq3Lattice LATTICE = new Iq3Lattice(IqKGrids.table("kgrid_512"), 3);
    }
}
