package app.bytewise.quant.gguf;

import static app.bytewise.quant.gguf.Rounding.nearestInt;

/**
 * IQ4_XS: IQ4_NL's non-linear 4-bit table in 256-value super-blocks, each 32 with a 6-bit scale.
 * Block (136 bytes): {@code d:fp16 | scales_h:u16 | scales_l[4] | qs[128]}; sub-block {@code ib}'s
 * scale is {@code ls = (scales_l[ib/2] >> 4·(ib%2) & 15) | ((scales_h >> 2·ib) & 3) << 4}, its values
 * {@code d · (ls − 32) · K[index]}, nibbles packed per 32 as Q4_0 does.
 * Mirrors ggml's {@code quantize_row_iq4_xs_ref} (which is {@code quantize_iq4_xs} without an
 * importance matrix: {@code quantize_row_iq4_nl_impl(QK_K, 32, …, ntry = 7)}) and
 * {@code dequantize_row_iq4_xs} (ggml/src/ggml-quants.c).
 */
public final class IQ4_XSCodec extends GgmlBlockCodec {

    static final int QK = 256;
    static final int BYTES = 136;
    private static final int SUB = 32;
    private static final int TRIES = 7;

    public IQ4_XSCodec() {
        super("IQ4_XS", QK, BYTES);
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        int[] L = new int[QK];
        float[] scales = new float[QK / SUB];
        for (int ibl = 0, xo = 0, o = 0; ibl < nb; ibl++, xo += QK, o += BYTES) {
            float maxScale = 0f;
            float amaxScale = 0f;
            for (int ib = 0; ib < QK / SUB; ib++) {
                int so = xo + ib * SUB;
                float max = Blocks.signedMaxAbs(x, so, SUB);
                if (Math.abs(max) < Blocks.GROUP_MAX_EPS) {
                    scales[ib] = 0f;
                    continue;
                }
                float d = IQ4_NLCodec.subBlockScale(x, so, max, L, ib * SUB, TRIES);
                scales[ib] = d;
                float abs = Math.abs(d);
                if (abs > amaxScale) { // a NaN scale never wins, as in C
                    amaxScale = abs;
                    maxScale = d;
                }
            }
            // The dominant scale maps to -32: d takes the opposite sign; an all-zero block stores -0.0.
            float d = -maxScale / 32f;
            Bytes.putFp16(out, o, d);
            float id = d != 0f ? 1f / d : 0f;
            int scalesH = 0;
            for (int ib = 0; ib < QK / SUB; ib++) {
                int l = Math.max(-32, Math.min(31, nearestInt(id * scales[ib])));
                float dl = d * l; // the float d, not the fp16 one stored
                float idl = dl != 0f ? 1f / dl : 0f;
                for (int j = 0; j < SUB; j++) {
                    L[ib * SUB + j] = IQ4_NLCodec.bestIndex(idl * x[xo + ib * SUB + j]);
                }
                l += 32;
                int low = l & 0xF;
                if (ib % 2 == 0) {
                    out[o + 4 + ib / 2] = (byte) low;
                } else {
                    out[o + 4 + ib / 2] |= (byte) (low << 4);
                }
                scalesH |= (l >> 4) << 2 * ib;
            }
            out[o + 2] = (byte) scalesH;
            out[o + 3] = (byte) (scalesH >>> 8);
            for (int i = 0; i < QK / SUB; i++) {
                for (int j = 0; j < 16; j++) {
                    out[o + 8 + 16 * i + j] = (byte) (L[SUB * i + j] | L[SUB * i + 16 + j] << 4);
                }
            }
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        for (int ibl = 0, yo = 0, o = 0; ibl < nb; ibl++, o += BYTES) {
            float d = Bytes.getFp16(in, o);
            int scalesH = (in[o + 2] & 0xFF) | (in[o + 3] & 0xFF) << 8;
            for (int ib = 0; ib < QK / SUB; ib++, yo += SUB) {
                int ls = ((in[o + 4 + ib / 2] & 0xFF) >> 4 * (ib % 2) & 0xF) | ((scalesH >> 2 * ib) & 3) << 4;
                float dl = d * (ls - 32);
                int qs = o + 8 + 16 * ib;
                for (int j = 0; j < 16; j++) {
                    int b = in[qs + j] & 0xFF;
                    y[yo + j] = dl * IQ4_NLCodec.KF[b & 0xF];
                    y[yo + 16 + j] = dl * IQ4_NLCodec.KF[b >> 4];
                }
            }
        }
    }
}
