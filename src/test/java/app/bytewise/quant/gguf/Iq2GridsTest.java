package app.bytewise.quant.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The IQ2 decoding grids derived from the kgrid tables, against literal entries of ggml-common.h. */
class Iq2GridsTest {

    /** Entries 0, 1, 2, 100, 255 and the last of each table, as ggml/src/ggml-common.h lists them. */
    @Test
    void derivedGridsEqualGgmlsLiteralEntries() {
        assertEntries(Iq2Grids.xxs(), 256, 0x0808080808080808L, 0x080808080808082bL, 0x0808080808081919L,
                0x08192b0808081908L, 0x2b2b2b1908081908L, 0x2b2b2b1908081908L);
        assertEntries(Iq2Grids.xs(), 512, 0x0808080808080808L, 0x080808080808082bL, 0x0808080808081919L,
                0x0808192b08081908L, 0x1908080808081908L, 0x2b2b2b2b2b2b2b2bL);
        assertEntries(Iq2Grids.s(), 1024, 0x0808080808080808L, 0x080808080808082bL, 0x0808080808081919L,
                0x080819081919192bL, 0x081908191919082bL, 0x2b2b2b2b2b2b2b2bL);
    }

    /** ggml's ksigns_iq2xs: 0, 129, 130, 3, 132, … 126, 255. */
    @Test
    void ksignsMakeTheSignCountEven() {
        int[] head = {0, 129, 130, 3, 132, 5, 6, 135, 136, 9};
        for (int i = 0; i < head.length; i++) {
            assertThat(Iq2Grids.ksigns(i)).as("ksigns[" + i + "]").isEqualTo(head[i]);
        }
        assertThat(Iq2Grids.ksigns(126)).isEqualTo(126);
        assertThat(Iq2Grids.ksigns(127)).isEqualTo(255);
        for (int i = 0; i < 128; i++) {
            assertThat(Integer.bitCount(Iq2Grids.ksigns(i)) % 2).isZero();
        }
    }

    private static void assertEntries(Iq2Grids grid, int size, long e0, long e1, long e2, long e100, long e255, long last) {
        assertThat(grid.size()).isEqualTo(size);
        assertThat(entry(grid, 0)).isEqualTo(e0);
        assertThat(entry(grid, 1)).isEqualTo(e1);
        assertThat(entry(grid, 2)).isEqualTo(e2);
        assertThat(entry(grid, 100)).isEqualTo(e100);
        assertThat(entry(grid, 255)).isEqualTo(e255);
        assertThat(entry(grid, size - 1)).isEqualTo(last);
    }

    /** A grid point as ggml's uint64 table entry: coordinate j in byte j. */
    static long entry(Iq2Grids grid, int index) {
        long e = 0;
        for (int j = 0; j < 8; j++) {
            e |= (long) grid.value(index, j) << 8 * j;
        }
        return e;
    }
}
