package app.bytewise.quant.gguf;

/** Little-endian field access inside blocks, and ggml's fp16 (IEEE binary16, round to nearest even). */
final class Bytes {

    private Bytes() {
    }

    /**
     * ggml's {@code GGML_FP32_TO_FP16} ({@code ggml_compute_fp32_to_fp16}, ggml/src/ggml-impl.h):
     * round to nearest even, as Java's conversion; but every NaN becomes {@code sign | 0x7E00}, where
     * Java would keep payload bits (a NaN scale is stored by TQ1_0, TQ2_0 and Q1_0 when their input has one).
     */
    static void putFp16(byte[] b, int off, float v) {
        putShort(b, off, fp16(v));
    }

    private static short fp16(float v) {
        return Float.isNaN(v) ? (short) (Float.floatToRawIntBits(v) >>> 16 & 0x8000 | 0x7E00) : Float.floatToFloat16(v);
    }

    static float getFp16(byte[] b, int off) {
        return Float.float16ToFloat(getShort(b, off));
    }

    /** The value an encoder's float scale turns into once stored: k-quants re-derive codes from it. */
    static float roundToFp16(float v) {
        return Float.float16ToFloat(fp16(v));
    }

    static void putShort(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >> 8);
    }

    static short getShort(byte[] b, int off) {
        return (short) ((b[off] & 0xFF) | (b[off + 1] << 8));
    }

    static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >> 8);
        b[off + 2] = (byte) (v >> 16);
        b[off + 3] = (byte) (v >> 24);
    }

    static int getInt(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | b[off + 3] << 24;
    }
}
