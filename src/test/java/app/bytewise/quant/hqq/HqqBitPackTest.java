package app.bytewise.quant.hqq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** hqq/core/bitpack.py's layouts, worked by hand from its shifts. */
class HqqBitPackTest {

    @Test
    void handWorkedBytes() {
        // 4bit_u8: (W_q[:1] << 4) | W_q[1:] on a 2 × 1 view: 0xA then 0x3 → 0xA3.
        assertThat(HqqBitPack.pack(new int[] {0xA, 0x3}, 2, 4)).containsExactly((byte) 0xA3);
        // 2bit_u8: 1 << 6 | 2 << 4 | 3 << 2 | 0 = 0b01_10_11_00 = 0x6C.
        assertThat(HqqBitPack.pack(new int[] {1, 2, 3, 0}, 4, 2)).containsExactly((byte) 0x6C);
        // 1bit_u8: 1 0 1 1 0 0 0 1 from bit 7 down = 0xB1.
        assertThat(HqqBitPack.pack(new int[] {1, 0, 1, 1, 0, 0, 0, 1}, 8, 1)).containsExactly((byte) 0xB1);
        // 3bit_32: 1 << 27 | 2 << 24 | 3 << 21 | 4 << 18 | 5 << 15 | 6 << 12 | 7 << 9 | 0 << 6 | 1 << 3 | 2
        // = 0x0A72EE0A, little-endian 0A EE 72 0A.
        assertThat(HqqBitPack.pack(new int[] {1, 2, 3, 4, 5, 6, 7, 0, 1, 2}, 10, 3))
                .containsExactly(0x0A, 0xEE, 0x72, 0x0A);
        // The slices are whole rows: on a 2 × 2 view, byte [0, c] pairs row 0 and row 1 of column c.
        assertThat(HqqBitPack.pack(new int[] {1, 2, 3, 4}, 2, 4)).containsExactly(0x13, 0x24);
    }

    @Test
    void everyPackingRoundTrips() {
        Random random = new Random(11);
        for (int nbits : new int[] {1, 2, 3, 4, 5, 6, 8}) {
            int rows = 40;
            int cols = 6;
            int[] codes = random.ints(rows * cols, 0, 1 << nbits).toArray();
            byte[] packed = HqqBitPack.pack(codes, rows, nbits);
            assertThat(HqqBitPack.unpack(packed, rows, cols, nbits)).as(nbits + " bits").isEqualTo(codes);
            long expectedBytes = nbits == 3 ? 4L * 4 * cols : (long) rows * cols * (nbits >= 5 ? 8 : nbits) / 8;
            assertThat(packed).hasSize((int) expectedBytes);
        }
    }
}
