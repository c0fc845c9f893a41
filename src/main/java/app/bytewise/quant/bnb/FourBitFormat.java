package app.bytewise.quant.bnb;

import static app.bytewise.quant.bnb.Blocks.BLOCK_SIZE;

/**
 * The blockwise 4-bit driver shared by {@link Nf4} and {@link Fp4}: absmax per block of 64,
 * scaling, mapping each scaled value to a code, packing, and the way back. The two formats differ
 * only in the data held here.
 *
 * @param cuda how the CUDA kernel maps a scaled value to a code
 * @param torch how the torch default backend does
 * @param cudaValues code to value in {@code kDequantizeBlockwise}
 * @param torchValues code to value in the torch backend ({@code get_4bit_type})
 */
record FourBitFormat(CodeTable cuda, CodeTable torch, float[] cudaValues, float[] torchValues) {

    /** torch's {@code absmax.clamp(min=1e-38)}, rounded to float32 as torch does for a float tensor. */
    private static final float TORCH_MIN_ABSMAX = 1e-38f;

    Quantized4Bit quantize(float[] x, Backend backend) {
        int n = x.length;
        byte[] packed = new byte[(n + 1) / 2];
        float[] absmax = new float[Blocks.blockCount(n, BLOCK_SIZE)];
        if (backend == Backend.CUDA) {
            quantizeCuda(x, packed, absmax, cuda);
        } else {
            quantizeTorch(x, packed, absmax, torch);
        }
        return new Quantized4Bit(packed, absmax, n);
    }

    /** kQuantizeBlockwise with DATA_TYPE FP4/NF4. */
    private static void quantizeCuda(float[] x, byte[] packed, float[] absmax, CodeTable map) {
        int n = x.length;
        for (int b = 0, start = 0; start < n; b++, start += BLOCK_SIZE) {
            int end = Math.min(start + BLOCK_SIZE, n);
            float max = Blocks.absmaxCuda(x, start, end, BLOCK_SIZE);
            absmax[b] = max;
            // the kernel multiplies by the reciprocal; x / max would round differently
            float scale = 1.0f / max;
            if (Float.isInfinite(scale) || end - start < BLOCK_SIZE) {
                // absmax 0 or tiny makes s ±Inf, which the table does not take; a partial block pads
                quantizeRare(x, start, end, scale, packed, map);
                continue;
            }
            for (int i = start; i < end; i += 2) {
                packed[i >> 1] = (byte) (map.code(x[i] * scale) << 4 | map.code(x[i + 1] * scale));
            }
        }
    }

    private static void quantizeRare(float[] x, int start, int end, float scale, byte[] packed, CodeTable map) {
        for (int i = start; i < end; i += 2) {
            // odd n: the low nibble encodes the 0.0f the kernel loads past the end
            float next = i + 1 < end ? x[i + 1] : 0f;
            packed[i >> 1] = (byte) (map.codeOfAny(x[i] * scale) << 4 | map.codeOfAny(next * scale));
        }
    }

    /** The torch default backend's quantize_4bit (ops.py). */
    private static void quantizeTorch(float[] x, byte[] packed, float[] absmax, CodeTable map) {
        int n = x.length;
        int full = n - n % BLOCK_SIZE;
        for (int b = 0, start = 0; start < full; b++, start += BLOCK_SIZE) {
            float max = Blocks.absmaxTorch(x, start, start + BLOCK_SIZE);
            absmax[b] = max; // stored unclamped
            float scale = 1.0f / Math.max(max, TORCH_MIN_ABSMAX);
            // torch also clamps s to [-1, 1]; that cannot change the bucket, so it is skipped
            for (int i = start; i < start + BLOCK_SIZE; i += 2) {
                packed[i >> 1] = (byte) (map.code(x[i] * scale) << 4 | map.code(x[i + 1] * scale));
            }
        }
        if (full < n) {
            // the trailing partial block is divided, and its absmax is stored clamped
            float max = Math.max(Blocks.absmaxTorch(x, full, n), TORCH_MIN_ABSMAX);
            absmax[absmax.length - 1] = max;
            for (int i = full; i < n; i += 2) {
                int low = i + 1 < n ? map.codeOfAny(x[i + 1] / max) : map.codeOfAny(0f); // pads a scaled 0
                packed[i >> 1] = (byte) (map.codeOfAny(x[i] / max) << 4 | low);
            }
        }
    }

    /** kDequantizeBlockwise (CUDA) or the default backend's dequantize_4bit: {@code value * absmax}. */
    float[] dequantize(byte[] packed, float[] absmax, int n, Backend backend) {
        if (packed.length < (n + 1) / 2 || absmax.length < Blocks.blockCount(n, BLOCK_SIZE)) {
            throw new IllegalArgumentException("packed/absmax too short for n=" + n);
        }
        float[] values = backend == Backend.CUDA ? cudaValues : torchValues;
        float[] out = new float[n];
        for (int start = 0, b = 0; start < n; start += BLOCK_SIZE, b++) {
            int end = Math.min(start + BLOCK_SIZE, n);
            float scale = absmax[b];
            int i = start;
            for (; i + 1 < end; i += 2) {
                int codes = packed[i >> 1];
                out[i] = values[(codes >> 4) & 0xF] * scale;
                out[i + 1] = values[codes & 0xF] * scale;
            }
            if (i < end) {
                out[i] = values[(packed[i >> 1] >> 4) & 0xF] * scale;
            }
        }
        return out;
    }

    /** The float32 midpoints of adjacent values, {@code (a + b) / 2} as torch computes them. */
    static float[] midpoints(float[] ascending) {
        float[] mid = new float[ascending.length - 1];
        for (int i = 0; i < mid.length; i++) {
            mid[i] = (ascending[i] + ascending[i + 1]) / 2f;
        }
        return mid;
    }
}
