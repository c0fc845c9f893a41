package app.bytewise.quant.mx;

import app.bytewise.quant.number.MxElement;
import java.util.Locale;

/**
 * OCP Microscaling (MX) v1.0 (Open Compute Project, "OCP Microscaling Formats (MX) Specification",
 * v1.0, 2023, sections 5 and 6.3): blocks of 32 elements in one {@link MxElement} format under one
 * shared E8M0 scale, a power of two 2^(e − 127) (255 is NaN, 0 is 2^-127).
 *
 * <p>Encoding follows torchao's {@code to_mx} with its default {@code ScaleCalculationMode.FLOOR}
 * (pytorch/ao, torchao/prototype/mx_formats/mx_tensor.py), the spec's "minimally supported"
 * conversion: the shared exponent is the unbiased exponent field of the block's amax (floor(log2
 * amax) for normals) minus {@code emax_elem}, clamped to [−127, 127]; an all-zero block (amax 0,
 * exponent field 0, so −127 − emax) clamps to byte 0. Each element is {@code x · 2^(127 − e)} in
 * float32 rounded to nearest even into the element format, saturating at its max normal.
 * Decoding is {@code element · 2^(e − 127)} ({@code to_dtype} / {@code get_fp_scale}).
 *
 * <p>Stored bytes, scales in a separate array (one byte per block, torchao's naive layout):
 * <ul>
 *   <li>FP4: two codes a byte, element 2i in the low nibble and 2i + 1 in the high one
 *       ({@code pack_uint4}, torchao/prototype/mx_formats/kernels.py); 16 bytes a block.
 *   <li>FP6: 4 codes in 3 bytes, as torchao's MXFP6 packing for inference did it ({@code
 *       triton_pack_uint6_kernel} / {@code _fp6_packed_to_bf16} in kernels.py, added in pytorch/ao
 *       PR #1810, commit 29488018d; PR #3382 later removed it and torchao now keeps one code a
 *       byte). Per block of 32, for the group g = 0…7 of elements x0…x3 = 4g…4g + 3: byte g holds
 *       x0's top four bits then x1's, byte 8 + g x2's then x3's, byte 16 + g the low two bits of
 *       x0, x1, x2, x3 from the top; 24 bytes a block.
 *   <li>FP8: one byte a code; 32 bytes a block.
 * </ul>
 */
public final class MxCodec {

    public static final int BLOCK = 32;
    /** E8M0's NaN. */
    public static final int SCALE_NAN = 0xFF;
    private static final int BIAS = 127;

    private final MxElement element;

    public MxCodec(MxElement element) {
        this.element = element;
    }

    /** The element format by its lab name: fp4, fp6-e2m3, fp6-e3m2, fp8-e4m3, fp8-e5m2. */
    public static MxCodec of(String name) {
        return new MxCodec(switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "fp4", "fp4-e2m1" -> MxElement.FP4_E2M1;
            case "fp6-e2m3" -> MxElement.FP6_E2M3;
            case "fp6-e3m2" -> MxElement.FP6_E3M2;
            case "fp8-e4m3" -> MxElement.FP8_E4M3;
            case "fp8-e5m2" -> MxElement.FP8_E5M2;
            default -> throw new IllegalArgumentException("Unknown MX element format '" + name + "'");
        });
    }

    /** The stored form: packed element codes and one E8M0 byte per block. */
    public record Encoded(MxElement element, int count, byte[] elements, byte[] scales) {

        /** Elements then scales, the bytes the lab returns. */
        public byte[] bytes() {
            byte[] all = new byte[elements.length + scales.length];
            System.arraycopy(elements, 0, all, 0, elements.length);
            System.arraycopy(scales, 0, all, elements.length, scales.length);
            return all;
        }

        /** Stored bits: element codes and the 8-bit scales. */
        public long storedBits() {
            return 8L * (elements.length + scales.length);
        }
    }

    public MxElement element() {
        return element;
    }

    /** "MXFP4", "MXFP6 E2M3", … */
    public String name() {
        return switch (element) {
            case FP4_E2M1 -> "MXFP4";
            case FP6_E2M3 -> "MXFP6 E2M3";
            case FP6_E3M2 -> "MXFP6 E3M2";
            case FP8_E4M3 -> "MXFP8 E4M3";
            case FP8_E5M2 -> "MXFP8 E5M2";
        };
    }

    /** Bytes of packed element codes per block of 32: 16, 24 or 32. */
    public int elementBytesPerBlock() {
        return BLOCK * element.bits() / 8;
    }

    /** The shared scale byte of a block with this amax (torchao FLOOR mode; non-finite amax gives NaN). */
    public static int sharedScale(float amax, MxElement element) {
        if (!Float.isFinite(amax)) {
            return SCALE_NAN;
        }
        int field = (Float.floatToRawIntBits(amax) >>> 23) & 0xFF;
        int unbiased = Math.clamp(field - BIAS - element.emax(), -BIAS, BIAS);
        return unbiased + BIAS;
    }

    /** 2^(e − 127), byte 0 the float32 subnormal 2^-127, 255 NaN. */
    public static float scaleValue(int e) {
        if (e == SCALE_NAN) {
            return Float.NaN;
        }
        return e == 0 ? Float.intBitsToFloat(0x0040_0000) : Float.intBitsToFloat(e << 23);
    }

    /** 2^(127 − e), what torchao multiplies the block by ({@code _e8m0_scale_to_reciprocal_fp32}). */
    static float reciprocal(int e) {
        return e == SCALE_NAN ? Float.NaN : scaleValue(2 * BIAS - e);
    }

    /** Encodes {@code x}, whose length must be a multiple of 32 (as torchao asserts for the last dim). */
    public Encoded encode(float[] x) {
        if (x.length % BLOCK != 0) {
            throw new IllegalArgumentException("MX blocks are 32 values; " + x.length + " is not a multiple of 32");
        }
        int blocks = x.length / BLOCK;
        byte[] scales = new byte[blocks];
        byte[] out = new byte[blocks * elementBytesPerBlock()];
        int[] codes = new int[BLOCK];
        for (int b = 0; b < blocks; b++) {
            int base = b * BLOCK;
            float amax = 0f;
            for (int i = 0; i < BLOCK; i++) {
                amax = Math.max(amax, Math.abs(x[base + i]));
            }
            int e = sharedScale(amax, element);
            scales[b] = (byte) e;
            float inv = reciprocal(e);
            for (int i = 0; i < BLOCK; i++) {
                codes[i] = element.encode(x[base + i] * inv);
            }
            pack(codes, out, b * elementBytesPerBlock());
        }
        return new Encoded(element, x.length, out, scales);
    }

    public float[] decode(Encoded encoded) {
        int blocks = encoded.scales().length;
        float[] y = new float[blocks * BLOCK];
        int[] codes = new int[BLOCK];
        for (int b = 0; b < blocks; b++) {
            unpack(encoded.elements(), b * elementBytesPerBlock(), codes);
            float scale = scaleValue(encoded.scales()[b] & 0xFF);
            for (int i = 0; i < BLOCK; i++) {
                y[b * BLOCK + i] = element.decode(codes[i]) * scale;
            }
        }
        return y;
    }

    private void pack(int[] codes, byte[] out, int o) {
        switch (element) {
            case FP4_E2M1 -> {
                for (int i = 0; i < BLOCK / 2; i++) {
                    out[o + i] = (byte) (codes[2 * i] | codes[2 * i + 1] << 4);
                }
            }
            case FP6_E2M3, FP6_E3M2 -> {
                int groups = BLOCK / 4;
                for (int g = 0; g < groups; g++) {
                    int x0 = codes[4 * g];
                    int x1 = codes[4 * g + 1];
                    int x2 = codes[4 * g + 2];
                    int x3 = codes[4 * g + 3];
                    out[o + g] = (byte) ((x0 >> 2) << 4 | (x1 >> 2));
                    out[o + groups + g] = (byte) ((x2 >> 2) << 4 | (x3 >> 2));
                    out[o + 2 * groups + g] = (byte) ((x0 & 3) << 6 | (x1 & 3) << 4 | (x2 & 3) << 2 | (x3 & 3));
                }
            }
            case FP8_E4M3, FP8_E5M2 -> {
                for (int i = 0; i < BLOCK; i++) {
                    out[o + i] = (byte) codes[i];
                }
            }
        }
    }

    private void unpack(byte[] in, int o, int[] codes) {
        switch (element) {
            case FP4_E2M1 -> {
                for (int i = 0; i < BLOCK / 2; i++) {
                    codes[2 * i] = in[o + i] & 0x0F;
                    codes[2 * i + 1] = (in[o + i] >> 4) & 0x0F;
                }
            }
            case FP6_E2M3, FP6_E3M2 -> {
                int groups = BLOCK / 4;
                for (int g = 0; g < groups; g++) {
                    int a = in[o + g] & 0xFF;
                    int b = in[o + groups + g] & 0xFF;
                    int c = in[o + 2 * groups + g] & 0xFF;
                    codes[4 * g] = (a >> 4) << 2 | c >> 6;
                    codes[4 * g + 1] = (a & 0x0F) << 2 | (c >> 4) & 3;
                    codes[4 * g + 2] = (b >> 4) << 2 | (c >> 2) & 3;
                    codes[4 * g + 3] = (b & 0x0F) << 2 | c & 3;
                }
            }
            case FP8_E4M3, FP8_E5M2 -> {
                for (int i = 0; i < BLOCK; i++) {
                    codes[i] = in[o + i] & 0xFF;
                }
            }
        }
    }
}
