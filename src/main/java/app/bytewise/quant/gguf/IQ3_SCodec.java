package app.bytewise.quant.gguf;

import static app.bytewise.quant.gguf.Rounding.nearestInt;

/**
 * IQ3_S: 256 values as 4-value points of a 512-point lattice with 3-bit levels, one sign bit per
 * value, a 4-bit scale per 32 and an fp16 super-scale.
 * Block (110 bytes): {@code d:fp16 | qs[64] | qh[8] | signs[32] | scales[4]}; point {@code j} of
 * sub-block {@code ib} has grid index {@code qs[8·ib + j] | bit j of qh[ib] << 8}, value
 * {@code d·(1 + 2·s) · iq3s_grid[index][i] · ±1} with {@code s} the nibble {@code ib % 2} of
 * {@code scales[ib/2]}.
 * Mirrors ggml's {@code quantize_row_iq3_s_impl(IQ3S_BLOCK_SIZE = 32, …)} as
 * {@code quantize_row_iq3_s_ref} ({@link #encode(float[])}) and {@code quantize_iq3_s}
 * ({@link #encode(float[], float[])}) call it, and {@code dequantize_row_iq3_s}
 * (ggml/src/ggml-quants.c).
 */
public final class IQ3_SCodec extends GgmlBlockCodec implements ImatrixCodec {

    static final int QK = 256;
    static final int BYTES = 110;
    private static final int SUB = Iq3Search.SUB;
    private static final int QS = 2;
    private static final int QH = QS + QK / 4;
    private static final int SIGNS = QH + QK / 32;
    private static final int SCALES = SIGNS + QK / 8;

    public IQ3_SCodec() {
        super("IQ3_S", QK, BYTES);
    }

    @Override
    public boolean requiresImatrix() {
        return false;
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        encode(x, nb, null, out);
    }

    @Override
    public byte[] encode(float[] values, float[] importance) {
        int nb = blockCount(values.length);
        ImatrixRows.count(this, values, importance);
        byte[] out = new byte[nb * BYTES];
        encode(values, nb, importance, out);
        return out;
    }

    /** Blocks are independent, so rows of the importance's length are blocks with its columns in turn. */
    private static void encode(float[] x, int nb, float[] importance, byte[] out) {
        Iq3Search search = new Iq3Search(Iq3Lattice.iq3s(), false);
        float[] scales = new float[QK / SUB];
        int[] signs = new int[SUB / 8];
        for (int ibl = 0; ibl < nb; ibl++) {
            int xo = ibl * QK;
            int o = ibl * BYTES;
            int io = importance == null ? 0 : xo % importance.length;
            // ggml advances qs and signs only past sub-blocks it quantizes: after an all-zero
            // sub-block, the next ones are written 8 (and 4) bytes early, and the tail stays zero
            int qs = o + QS;
            int sg = o + SIGNS;
            float sigma2 = Iq3Search.sigma2(x, xo);
            float maxScale = 0f;
            for (int ib = 0; ib < QK / SUB; ib++) {
                int xb = xo + SUB * ib;
                search.weigh(x, xb, importance, io + SUB * ib, sigma2);
                for (int k = 0; k < SUB / 8; k++) {
                    int s = 0;
                    for (int i = 0; i < 8; i++) {
                        float v = x[xb + 8 * k + i];
                        if (v >= 0) {
                            search.xval[8 * k + i] = v;
                        } else {
                            search.xval[8 * k + i] = -v;
                            s |= 1 << i;
                        }
                    }
                    signs[k] = s;
                }
                float max = search.maxValue();
                if (max == 0) {
                    scales[ib] = 0f;
                    continue;
                }
                float scale = search.scale(max);
                if (scale < 0) { // not expected (ggml's comment); signs flip with it
                    scale = -scale;
                    for (int k = 0; k < SUB / 8; k++) {
                        signs[k] = ~signs[k] & 0xFF;
                    }
                }
                for (int k = 0; k < SUB / 4; k++) {
                    int index = search.gridIndex(k);
                    out[qs + k] = (byte) index;
                    out[o + QH + ib] |= (byte) ((index >> 8) << k);
                }
                qs += SUB / 4;
                for (int k = 0; k < SUB / 8; k++) {
                    out[sg + k] = (byte) signs[k];
                }
                sg += SUB / 8;
                if (!(scale >= 0)) {
                    throw new IllegalStateException("IQ3_S: scale " + scale + " (ggml asserts scale >= 0)");
                }
                scales[ib] = scale;
                maxScale = maxScale > scale ? maxScale : scale;
            }
            if (maxScale == 0) {
                continue;
            }
            float d = maxScale / 31;
            Bytes.putFp16(out, o, d * 1.033f); // ggml's fudge factor
            float id = 1 / d;
            for (int ib = 0; ib < QK / SUB; ib += 2) {
                int l1 = Math.max(0, Math.min(15, nearestInt(0.5f * (id * scales[ib] - 1))));
                int l2 = Math.max(0, Math.min(15, nearestInt(0.5f * (id * scales[ib + 1] - 1))));
                out[o + SCALES + ib / 2] = (byte) (l1 | l2 << 4);
            }
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        Iq3Lattice grid = Iq3Lattice.iq3s(); // iq3s_grid is the lattice's points
        for (int i = 0, yo = 0; i < nb; i++) {
            int o = i * BYTES;
            float d = Bytes.getFp16(in, o);
            for (int ib = 0; ib < QK / SUB; ib++) {
                float db = d * (1 + 2 * ((in[o + SCALES + ib / 2] & 0xFF) >> 4 * (ib % 2) & 0xF));
                int qh = in[o + QH + ib] & 0xFF;
                for (int l = 0; l < 4; l++) {
                    int s = in[o + SIGNS + 4 * ib + l] & 0xFF;
                    for (int half = 0; half < 2; half++) {
                        int j = 2 * l + half;
                        int p = grid.point((in[o + QS + 8 * ib + j] & 0xFF) | (qh >> j & 1) << 8);
                        for (int c = 0; c < 4; c++) {
                            float sign = (s & 1 << 4 * half + c) != 0 ? -1f : 1f;
                            y[yo + 4 * half + c] = db * Iq3Lattice.coordinate(p, c) * sign;
                        }
                    }
                    yo += 8;
                }
            }
        }
    }
}
