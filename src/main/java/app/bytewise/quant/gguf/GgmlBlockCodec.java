package app.bytewise.quant.gguf;

import app.bytewise.quant.BlockCodec;

/**
 * Shared plumbing of the ggml codecs: argument checks and output allocation, so that each format
 * only states how a row of whole blocks is encoded and decoded (as ggml's row functions do).
 */
abstract sealed class GgmlBlockCodec implements BlockCodec
        permits Q4_0Codec, Q4_1Codec, Q5_0Codec, Q5_1Codec, Q8_0Codec, Q1_0Codec, Q2_0Codec, IQ4_NLCodec,
                Q2_KCodec, Q3_KCodec, Q4_KCodec, Q5_KCodec, Q6_KCodec, Q8_KCodec, TQ1_0Codec, TQ2_0Codec,
                MXFP4Codec, IQ4_XSCodec, NVFP4Codec, IQ2_XXSCodec, IQ2_XSCodec, IQ2_SCodec {

    private final String name;
    private final int blockSize;
    private final int bytesPerBlock;

    GgmlBlockCodec(String name, int blockSize, int bytesPerBlock) {
        this.name = name;
        this.blockSize = blockSize;
        this.bytesPerBlock = bytesPerBlock;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int blockSize() {
        return blockSize;
    }

    @Override
    public final int bytesPerBlock() {
        return bytesPerBlock;
    }

    @Override
    public final byte[] encode(float[] values) {
        int nb = blockCount(values.length);
        byte[] out = new byte[Math.multiplyExact(nb, bytesPerBlock)];
        encodeBlocks(values, nb, out);
        return out;
    }

    @Override
    public final float[] decode(byte[] blocks, int n) {
        int nb = blockCount(n);
        long needed = (long) nb * bytesPerBlock;
        if (blocks.length < needed) {
            throw new IllegalArgumentException(name + ": decoding " + n + " values needs " + needed
                    + " bytes (" + nb + " blocks of " + bytesPerBlock + "), got " + blocks.length);
        }
        float[] out = new float[n];
        decodeBlocks(blocks, nb, out);
        return out;
    }

    /** Blocks in {@code n} values; ggml asserts the same divisibility. */
    final int blockCount(int n) {
        if (n < 0 || n % blockSize != 0) {
            throw new IllegalArgumentException(name + " works on whole blocks of " + blockSize
                    + " values, but got " + n + " values (not a multiple of " + blockSize + ")");
        }
        return n / blockSize;
    }

    /** Encodes {@code nb} blocks of {@code x} into {@code out} (sized exactly, zero-filled). */
    abstract void encodeBlocks(float[] x, int nb, byte[] out);

    /** Decodes {@code nb} blocks of {@code in} into {@code y}. */
    abstract void decodeBlocks(byte[] in, int nb, float[] y);
}
