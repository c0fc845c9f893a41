package app.bytewise.quant.bnb;

/** Block bookkeeping shared by the 4-bit codecs and the double quantization of their absmax. */
final class Blocks {

    /** bitsandbytes' default (and QLoRA's) blocksize for 4-bit quantization. */
    static final int BLOCK_SIZE = 64;

    private Blocks() {
    }

    static int blockCount(int n, int blockSize) {
        if (n < 0) {
            throw new IllegalArgumentException("n < 0: " + n);
        }
        return n / blockSize + (n % blockSize == 0 ? 0 : 1);
    }

    /**
     * The absmax of {@code x[from, to)} as {@code kQuantizeBlockwise} reduces it: {@code fmaxf}
     * from {@code -FLT_MAX}, so NaN elements are skipped; a trailing partial block also sees the
     * zeros the kernel loads for the missing elements. (An all-NaN full block thus gives
     * {@code -FLT_MAX}, as on the GPU.)
     */
    static float absmaxCuda(float[] x, int from, int to, int blockSize) {
        // Math.max vectorizes, and without NaNs it gives the same answer
        float max = absmaxTorch(x, from, to);
        return max == max ? max : absmaxSkippingNaN(x, from, to, blockSize);
    }

    private static float absmaxSkippingNaN(float[] x, int from, int to, int blockSize) {
        float m = to - from < blockSize ? 0f : -Float.MAX_VALUE;
        for (int i = from; i < to; i++) {
            float a = Math.abs(x[i]);
            m = a > m ? a : m;
        }
        return m;
    }

    /** The absmax as torch's {@code abs().max()} computes it: a NaN element makes it NaN. */
    static float absmaxTorch(float[] x, int from, int to) {
        float m = 0f;
        for (int i = from; i < to; i++) {
            m = Math.max(m, Math.abs(x[i]));
        }
        return m;
    }
}
