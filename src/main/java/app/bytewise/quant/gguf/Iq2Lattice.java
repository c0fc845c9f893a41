package app.bytewise.quant.gguf;

/**
 * The 8-dimensional lattice of IQ1_S, IQ1_M, IQ2_XXS, IQ2_XS and IQ2_S as ggml's quantizers search it:
 * {@code iq2xs_init_impl} of ggml/src/ggml-quants.c. Every point of {@code {1, 3, 5, 7}^8} is
 * indexed by its 2-bit levels ({@code index = Σ ((p_k − 1)/2) << 2k}); a point on the grid maps to
 * its grid index, any other to the grid points at its {@code nwant} smallest squared distances,
 * listed by distance and then by grid index (ggml sorts (distance, index) pairs the same way).
 * Immutable once built; each lattice is built on first use.
 */
final class Iq2Lattice {

    /** ggml's {@code kmap_size}: one past the largest index a grid point can have. */
    static final int MAP_SIZE = 43692;

    private final long[] grid;
    private final int[] map;
    private final short[] neighbours;

    private Iq2Lattice(int[] kgrid, int nwant) {
        int n = kgrid.length;
        grid = new long[n];
        for (int k = 0; k < n; k++) {
            long g = 0;
            for (int i = 0; i < 8; i++) {
                g |= (long) (2 * ((kgrid[k] >> 2 * i) & 3) + 1) << 8 * i;
            }
            grid[k] = g;
        }
        map = new int[MAP_SIZE];
        java.util.Arrays.fill(map, -1);
        for (int k = 0; k < n; k++) {
            map[kgrid[k]] = k; // (p − 1)/2 of each byte gives back kgrid[k]
        }
        byte[][] points = new byte[n][8];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < 8; i++) {
                points[k][i] = (byte) (grid[k] >>> 8 * i);
            }
        }
        int[] d2 = new int[n];
        short[] list = new short[1 << 16];
        int used = 0;
        int[] pos = new int[8];
        for (int i = 0; i < MAP_SIZE; i++) {
            if (map[i] >= 0) {
                continue;
            }
            for (int k = 0; k < 8; k++) {
                pos[k] = 2 * ((i >> 2 * k) & 3) + 1;
            }
            for (int j = 0; j < n; j++) {
                int s = 0;
                for (int k = 0; k < 8; k++) {
                    int diff = points[j][k] - pos[k];
                    s += diff * diff;
                }
                d2[j] = s;
            }
            int limit = nthSmallestDistinct(d2, nwant);
            int count = 0;
            for (int j = 0; j < n; j++) {
                if (d2[j] <= limit) {
                    count++;
                }
            }
            if (used + 1 + count > list.length) {
                list = java.util.Arrays.copyOf(list, Math.max(list.length * 2, used + 1 + count));
            }
            map[i] = -(used + 1);
            list[used++] = (short) count;
            // by distance, then by index: a stable pass per distinct distance in increasing order
            for (int d = smallest(d2, -1); d >= 0 && d <= limit; d = smallest(d2, d)) {
                for (int j = 0; j < n; j++) {
                    if (d2[j] == d) {
                        list[used++] = (short) j;
                    }
                }
            }
        }
        neighbours = java.util.Arrays.copyOf(list, used);
    }

    /** The smallest value of {@code d2} above {@code after}, or −1 if none. */
    private static int smallest(int[] d2, int after) {
        int best = Integer.MAX_VALUE;
        for (int v : d2) {
            if (v > after && v < best) {
                best = v;
            }
        }
        return best == Integer.MAX_VALUE ? -1 : best;
    }

    private static int nthSmallestDistinct(int[] d2, int nth) {
        int d = -1;
        for (int k = 0; k < nth; k++) {
            int next = smallest(d2, d);
            if (next < 0) {
                break;
            }
            d = next;
        }
        return d;
    }

    /** Grid point {@code k}: coordinate {@code i} (1, 3, 5 or 7) in byte {@code i}, as ggml's int8 view of it. */
    long point(int k) {
        return grid[k];
    }

    int size() {
        return grid.length;
    }

    /** ggml's {@code kmap_q2xs[index]}: the grid index, or −(offset + 1) of the point's neighbour list. */
    int map(int index) {
        return map[index];
    }

    /** ggml's {@code kneighbors_q2xs[offset]}: a list's length at its offset, then the grid indices. */
    int neighbour(int offset) {
        return neighbours[offset] & 0xFFFF;
    }

    /** IQ2_XXS: 256 points, neighbours at the 2 smallest distances. */
    static Iq2Lattice iq2xxs() {
        return Iq2xxs.LATTICE;
    }

    /** IQ2_XS: 512 points, 2 distances. */
    static Iq2Lattice iq2xs() {
        return Iq2xs.LATTICE;
    }

    /** IQ2_S: 1024 points, 1 distance. */
    static Iq2Lattice iq2s() {
        return Iq2s.LATTICE;
    }

    /** IQ1_S and IQ1_M: 2048 points of {1, 3, 5}^8, 3 distances. */
    static Iq2Lattice iq1s() {
        return Iq1s.LATTICE;
    }

    // Holders: a lattice is built (ggml_quantize_init's job) only when its format is first used.
    private static final class Iq2xxs {
        static final Iq2Lattice LATTICE = new Iq2Lattice(IqKGrids.table("kgrid_2bit_256"), 2);
    }

    private static final class Iq2xs {
        static final Iq2Lattice LATTICE = new Iq2Lattice(IqKGrids.table("kgrid_2bit_512"), 2);
    }

    private static final class Iq2s {
        static final Iq2Lattice LATTICE = new Iq2Lattice(IqKGrids.table("kgrid_2bit_1024"), 1);
    }

    private static final class Iq1s {
        static final Iq2Lattice LATTICE = new Iq2Lattice(IqKGrids.table("kgrid_1bit_2048"), 3);
    }
}
