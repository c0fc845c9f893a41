package app.bytewise.quant.gguf;

import app.bytewise.quant.BlockCodec;
import java.util.Locale;

/**
 * The GGUF block formats by their ggml names. Each codec is stateless (scratch lives inside one
 * encode call), so the shared instances are safe to use from several threads.
 */
public enum GgufCodecs {
    Q4_0(new Q4_0Codec()),
    Q4_1(new Q4_1Codec()),
    Q5_0(new Q5_0Codec()),
    Q5_1(new Q5_1Codec()),
    Q8_0(new Q8_0Codec()),
    /** Signs only, under the mean |x| of 128 values. */
    Q1_0(new Q1_0Codec()),
    Q2_0(new Q2_0Codec()),
    IQ4_NL(new IQ4_NLCodec()),
    IQ4_XS(new IQ4_XSCodec()),
    /** 4 values per point of a 256- or 512-point lattice with sign bits, a scale per 32 values. */
    IQ3_S(new IQ3_SCodec()),
    IQ3_XXS(new IQ3_XXSCodec()),
    /** 8 values per point of a 1024-, 512- or 256-point lattice (E8 shell points), sign bits, scales per 16 or 32. */
    IQ2_S(new IQ2_SCodec()),
    IQ2_XS(new IQ2_XSCodec()),
    IQ2_XXS(new IQ2_XXSCodec()),
    /** 8 ternary values per point of a 2048-point lattice, a shift ±1/8 per 32 (IQ1_M: per 16, its scales 3-bit). */
    IQ1_M(new IQ1_MCodec()),
    IQ1_S(new IQ1_SCodec()),
    Q2_K(new Q2_KCodec()),
    Q3_K(new Q3_KCodec()),
    Q4_K(new Q4_KCodec()),
    Q5_K(new Q5_KCodec()),
    Q6_K(new Q6_KCodec()),
    /** Ternary (BitNet b1.58, TriLM): −1, 0, +1 times the max |x| of 256 values. */
    TQ1_0(new TQ1_0Codec()),
    TQ2_0(new TQ2_0Codec()),
    MXFP4(new MXFP4Codec()),
    NVFP4(new NVFP4Codec()),
    /** Not a storage type: ggml uses it for activations in k-quant dot products. */
    Q8_K(new Q8_KCodec());

    private final BlockCodec codec;

    GgufCodecs(BlockCodec codec) {
        this.codec = codec;
    }

    public BlockCodec codec() {
        return codec;
    }

    /** The codec for a ggml type name such as {@code Q4_K} (case-insensitive). */
    public static BlockCodec of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT)).codec;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown GGUF block format: " + name, e);
        }
    }
}
