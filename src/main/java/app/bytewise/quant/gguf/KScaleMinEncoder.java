package app.bytewise.quant.gguf;

import static app.bytewise.quant.gguf.Rounding.nearestInt;

/**
 * The part Q4_K and Q5_K share (ggml's {@code quantize_row_q4_K_ref} / {@code _q5_K_ref} differ only
 * in the code range, the search grid and how codes are packed): per 32-value sub-block a qkx2 fit,
 * then 6-bit quantization of scales and mins against fp16 super-scales, then codes re-derived from
 * the stored scales. Holds the scratch of one encode call.
 */
final class KScaleMinEncoder {

    private final int nmax;
    private final float rmin;
    private final float rdelta;
    private final int nstep;
    private final KQuantSearch search = new KQuantSearch();
    private final float[] weights = new float[32];
    private final float[] scales = new float[8];
    private final float[] mins = new float[8];
    private final int[] sc = new int[8];
    private final int[] mn = new int[8];

    /** The 256 codes (0..nmax) of the last encoded super-block, for the caller to pack. */
    final int[] codes = new int[256];

    KScaleMinEncoder(int nmax, float rmin, float rdelta, int nstep) {
        this.nmax = nmax;
        this.rmin = rmin;
        this.rdelta = rdelta;
        this.nstep = nstep;
    }

    /** Writes d and dmin at {@code dOff}, the 12 scale bytes at {@code scalesOff}, and fills {@link #codes}. */
    void encode(float[] x, int xo, byte[] out, int dOff, int scalesOff) {
        int[] L = codes;
        float maxScale = 0f;
        float maxMin = 0f;
        for (int j = 0; j < 8; j++) {
            int so = xo + 32 * j;
            float sumX2 = 0f;
            for (int l = 0; l < 32; l++) {
                sumX2 += x[so + l] * x[so + l];
            }
            // Weights favour large values but keep a floor (the sub-block's rms) for small ones.
            float av = (float) Math.sqrt(sumX2 / 32f);
            for (int l = 0; l < 32; l++) {
                weights[l] = av + Math.abs(x[so + l]);
            }
            scales[j] = search.qkx2(32, nmax, x, so, weights, L, 32 * j, rmin, rdelta, nstep, false);
            mins[j] = search.min;
            if (scales[j] > maxScale) {
                maxScale = scales[j];
            }
            if (mins[j] > maxMin) {
                maxMin = mins[j];
            }
        }
        float invScale = maxScale > 0f ? 63f / maxScale : 0f;
        float invMin = maxMin > 0f ? 63f / maxMin : 0f;
        for (int j = 0; j < 8; j++) {
            // ggml stores the rounded value in a uint8 before clamping to 63.
            sc[j] = Math.min(63, nearestInt(invScale * scales[j]) & 0xFF);
            mn[j] = Math.min(63, nearestInt(invMin * mins[j]) & 0xFF);
        }
        KScales.packScaleMin(out, scalesOff, sc, mn);
        Bytes.putFp16(out, dOff, maxScale / 63f);
        Bytes.putFp16(out, dOff + 2, maxMin / 63f);
        float d = Bytes.getFp16(out, dOff);
        float dmin = Bytes.getFp16(out, dOff + 2);
        for (int j = 0; j < 8; j++) {
            float dl = d * sc[j];
            if (dl == 0f) {
                continue;
            }
            float ml = dmin * mn[j];
            for (int i = 32 * j; i < 32 * j + 32; i++) {
                L[i] = Math.max(0, Math.min(nmax, nearestInt((x[xo + i] + ml) / dl)));
            }
        }
    }
}
