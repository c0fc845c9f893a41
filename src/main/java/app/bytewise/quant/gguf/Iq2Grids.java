package app.bytewise.quant.gguf;

/**
 * The grids IQ2_XXS, IQ2_XS and IQ2_S decode with: ggml's {@code iq2xxs_grid}, {@code iq2xs_grid} and
 * {@code iq2s_grid} (ggml/src/ggml-common.h), one byte per coordinate, and {@code ksigns_iq2xs}. The
 * grids are derived from the packed lattice points of {@link IqKGrids}: ggml's tables hold, for the
 * 2-bit level {@code l} of each coordinate, byte 0x08, 0x19 or 0x2b (level 3 never occurs). Only
 * the small kgrid tables are read, so decoding does not build the quantizer's {@link Iq2Lattice}.
 */
final class Iq2Grids {

    private static final int[] LEVEL_BYTES = {0x08, 0x19, 0x2b};

    private final byte[] values;

    private Iq2Grids(String kgrid) {
        int[] points = IqKGrids.table(kgrid);
        values = new byte[points.length * 8];
        for (int k = 0; k < points.length; k++) {
            for (int j = 0; j < 8; j++) {
                values[8 * k + j] = (byte) LEVEL_BYTES[(points[k] >> 2 * j) & 3];
            }
        }
    }

    /** Coordinate {@code j} of grid point {@code index}, as ggml's uint8 view of the grid entry. */
    int value(int index, int j) {
        return values[8 * index + j] & 0xFF;
    }

    int size() {
        return values.length / 8;
    }

    /**
     * ggml's {@code ksigns_iq2xs[i]}: 7 stored sign bits plus an eighth making their count even,
     * which is how IQ2_XXS and IQ2_XS store 8 signs in 7 bits.
     */
    static int ksigns(int i) {
        return i | (Integer.bitCount(i) & 1) << 7;
    }

    /** {@code iq2xxs_grid}: 256 points. */
    static Iq2Grids xxs() {
        return Xxs.GRID;
    }

    /** {@code iq2xs_grid}: 512 points. */
    static Iq2Grids xs() {
        return Xs.GRID;
    }

    /** {@code iq2s_grid}: 1024 points. */
    static Iq2Grids s() {
        return S.GRID;
    }

    private static final class Xxs {
        static final Iq2Grids GRID = new Iq2Grids("kgrid_2bit_256");
    }

    private static final class Xs {
        static final Iq2Grids GRID = new Iq2Grids("kgrid_2bit_512");
    }

    private static final class S {
        static final Iq2Grids GRID = new Iq2Grids("kgrid_2bit_1024");
    }
}
