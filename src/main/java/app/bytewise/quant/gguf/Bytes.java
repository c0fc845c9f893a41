package app.bytewise.quant.gguf;

/** Little-endian field access inside blocks, and ggml's fp16 (IEEE binary16, round to nearest even). */
final class Bytes {

    private Bytes() {
    }

    static void putFp16(byte[] b, int off, float v) {
        putShort(b, off, Float.floatToFloat16(v));
    }

    static float getFp16(byte[] b, int off) {
        return Float.float16ToFloat(getShort(b, off));
    }

    /** The value an encoder's float scale turns into once stored: k-quants re-derive codes from it. */
    static float roundToFp16(float v) {
        return Float.float16ToFloat(Float.floatToFloat16(v));
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
