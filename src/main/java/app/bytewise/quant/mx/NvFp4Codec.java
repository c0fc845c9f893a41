package app.bytewise.quant.mx;

import app.bytewise.quant.number.Fp8E4M3;
import app.bytewise.quant.number.MxElement;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * NVIDIA NVFP4 with its two-level scaling: 16 E2M1 elements per FP8 E4M3 block scale, and one FP32
 * per-tensor scale. Follows torchao's {@code NVFP4Tensor} with a per-tensor scale, as its weight
 * workflow builds it (pytorch/ao, torchao/prototype/mx_formats/inference_workflow.py: the weight's
 * {@code torch.max(torch.abs(w))} through {@code per_tensor_amax_to_scale}) and {@code
 * nvfp4_quantize} (torchao/prototype/mx_formats/nvfp4_tensor.py), in float32:
 *
 * <ul>
 *   <li>per-tensor scale {@code s = amax_tensor / (448 · 6)}, so a block holding the tensor's amax
 *       gets block scale 448;
 *   <li>block scale {@code (block_amax / 6) / s}, clamped to [2^-6, 448] (torchao's {@code
 *       E4M3_EPS}, E4M3's smallest normal) and cast to E4M3 (to nearest even): a zero block gets
 *       2^-6, byte 0x08;
 *   <li>elements {@code x · ((1 / s) / block_scale)}, clamped to ±6, to E2M1 to nearest even;
 *   <li>decoded {@code e2m1 · (s · block_scale)} ({@code NVFP4Tensor.dequantize}, {@code get_hp_scales}).
 * </ul>
 *
 * <p>Stored: two codes a byte, element 2i in the low nibble ({@code pack_uint4}); block scales one
 * byte each, row-major, unswizzled; the per-tensor scale as a little-endian FP32. An all-zero
 * tensor has amax 0, where torchao's formula divides 0 by 0; here its per-tensor scale is stored as
 * 0, its blocks get 0x08 and its codes 0, so it decodes to zeros.
 */
public final class NvFp4Codec {

    public static final int BLOCK = 16;
    /** torchao's {@code E4M3_EPS}: {@code torch.finfo(torch.float8_e4m3fn).tiny}, 2^-6. */
    static final float E4M3_TINY = 0x1p-6f;
    private static final float E2M1_MAX = 6f;

    private NvFp4Codec() {
    }

    /** The stored form: packed E2M1 codes, one E4M3 byte per 16, the FP32 per-tensor scale. */
    public record Encoded(int count, byte[] codes, byte[] blockScales, float perTensorScale) {

        /** Codes, block scales, then the per-tensor scale (FP32, little-endian). */
        public byte[] bytes() {
            return ByteBuffer.allocate(codes.length + blockScales.length + 4).order(ByteOrder.LITTLE_ENDIAN)
                    .put(codes).put(blockScales).putFloat(perTensorScale).array();
        }

        public long storedBits() {
            return 8L * (codes.length + blockScales.length) + 32;
        }
    }

    /** torchao's {@code per_tensor_amax_to_scale}: amax / (448 · 6) in float32. */
    public static float perTensorScale(float amax) {
        return amax / (Fp8E4M3.MAX * E2M1_MAX);
    }

    /** Encodes {@code x} (length a multiple of 16, as torchao asserts) with its own per-tensor amax. */
    public static Encoded encode(float[] x) {
        if (x.length % BLOCK != 0) {
            throw new IllegalArgumentException("NVFP4 blocks are 16 values; " + x.length + " is not a multiple of 16");
        }
        float amax = 0f;
        for (float v : x) {
            amax = Math.max(amax, Math.abs(v));
        }
        float s = perTensorScale(amax);
        int blocks = x.length / BLOCK;
        byte[] scales = new byte[blocks];
        byte[] codes = new byte[x.length / 2];
        for (int b = 0; b < blocks; b++) {
            int base = b * BLOCK;
            float blockAmax = 0f;
            for (int i = 0; i < BLOCK; i++) {
                blockAmax = Math.max(blockAmax, Math.abs(x[base + i]));
            }
            float scaled = s > 0f ? blockAmax / E2M1_MAX / s : 0f;
            byte scale = Fp8E4M3.encode(Math.clamp(scaled, E4M3_TINY, Fp8E4M3.MAX));
            scales[b] = scale;
            float reciprocal = s > 0f ? (1f / s) / Fp8E4M3.decode(scale) : 0f;
            for (int i = 0; i < BLOCK; i += 2) {
                int lo = e2m1(x[base + i] * reciprocal);
                int hi = e2m1(x[base + i + 1] * reciprocal);
                codes[(base + i) / 2] = (byte) (lo | hi << 4);
            }
        }
        return new Encoded(x.length, codes, scales, s);
    }

    public static float[] decode(Encoded e) {
        float[] y = new float[e.count()];
        for (int b = 0; b < e.blockScales().length; b++) {
            float scale = e.perTensorScale() * Fp8E4M3.decode(e.blockScales()[b]);
            for (int i = 0; i < BLOCK; i += 2) {
                int packed = e.codes()[(b * BLOCK + i) / 2];
                y[b * BLOCK + i] = MxElement.FP4_E2M1.decode(packed & 0x0F) * scale;
                y[b * BLOCK + i + 1] = MxElement.FP4_E2M1.decode((packed >> 4) & 0x0F) * scale;
            }
        }
        return y;
    }

    private static int e2m1(float v) {
        return MxElement.FP4_E2M1.encode(Math.clamp(v, -E2M1_MAX, E2M1_MAX));
    }
}
