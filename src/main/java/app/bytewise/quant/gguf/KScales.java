package app.bytewise.quant.gguf;

/**
 * The packed 6-bit sub-block scales of the k-quants (ggml-common.h / {@code get_scale_min_k4}).
 * Q4_K and Q5_K pack 8 scales and 8 mins into 12 bytes; Q3_K packs 16 offset scales into 12 bytes.
 */
final class KScales {

    private KScales() {
    }

    /**
     * Q4_K/Q5_K: bytes 0..3 hold sc0..3 (low 6 bits) and bits 4–5 of sc4..7 (top 2 bits); bytes 4..7
     * the same for the mins; bytes 8..11 the low nibbles of sc4..7 (low) and m4..7 (high).
     */
    static void packScaleMin(byte[] b, int o, int[] sc, int[] m) {
        for (int j = 0; j < 4; j++) {
            b[o + j] = (byte) (sc[j] | (sc[j + 4] >> 4) << 6);
            b[o + j + 4] = (byte) (m[j] | (m[j + 4] >> 4) << 6);
            b[o + j + 8] = (byte) ((sc[j + 4] & 0x0F) | (m[j + 4] & 0x0F) << 4);
        }
    }

    static int scale(byte[] b, int o, int j) {
        return j < 4 ? b[o + j] & 63 : (b[o + j + 4] & 0x0F) | ((b[o + j - 4] & 0xFF) >> 6) << 4;
    }

    static int min(byte[] b, int o, int j) {
        return j < 4 ? b[o + j + 4] & 63 : ((b[o + j + 4] & 0xFF) >> 4) | ((b[o + j] & 0xFF) >> 6) << 4;
    }

    /**
     * Q3_K: the low 4 bits of u_j sit in the low nibble of byte j (j < 8) or the high nibble of byte
     * j−8; the top 2 bits at bit 2·(j/4) of byte 8 + j%4. Values are 0..63 (scale + 32).
     */
    static void packQ3(byte[] b, int o, int[] u) {
        for (int j = 0; j < 12; j++) {
            b[o + j] = 0;
        }
        for (int j = 0; j < 16; j++) {
            int l = u[j];
            if (j < 8) {
                b[o + j] |= (byte) (l & 0x0F);
            } else {
                b[o + j - 8] |= (byte) ((l & 0x0F) << 4);
            }
            b[o + 8 + j % 4] |= (byte) ((l >> 4) << (2 * (j / 4)));
        }
    }

    static int q3(byte[] b, int o, int j) {
        int low = j < 8 ? b[o + j] & 0x0F : (b[o + j - 8] >> 4) & 0x0F;
        return low | ((b[o + 8 + j % 4] >> (2 * (j / 4))) & 3) << 4;
    }
}
