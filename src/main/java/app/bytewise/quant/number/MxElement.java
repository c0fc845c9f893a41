package app.bytewise.quant.number;

/**
 * The element formats of the OCP Microscaling Formats (MX) Specification v1.0 (section 5.3): FP4
 * E2M1, FP6 E2M3 and E3M2, FP8 E4M3 and E5M2. FP4 and FP6 have no infinities or NaNs, so every
 * exponent field holds normals: E2M1 {0, 0.5, 1, 1.5, 2, 3, 4, 6}, E2M3 up to 7.5, E3M2 up to 28.
 * The FP8 elements are the OFP8 formats of {@link Fp8E4M3} (max 448) and {@link Fp8E5M2} (max 57344).
 *
 * <p>{@link #encode} rounds to nearest, ties to even, and saturates to ± the largest normal: the
 * spec's conversion with saturation (section 6.3), as torchao does it ({@code _f32_to_floatx_unpacked}
 * in torchao/prototype/custom_fp_utils.py for FP4/FP6, a clamp to ±max before the FP8 cast in
 * torchao/prototype/mx_formats/mx_tensor.py {@code to_mx}). The sign of a zero is kept.
 * {@link #emax()} is the exponent of the largest normal, torchao's {@code *_MAX_POW2}
 * (torchao/prototype/mx_formats/constants.py).
 */
public enum MxElement {
    FP4_E2M1(4, 2, 1, 2, 6f),
    FP6_E2M3(6, 2, 3, 2, 7.5f),
    FP6_E3M2(6, 3, 2, 4, 28f),
    FP8_E4M3(8, 4, 3, 8, Fp8E4M3.MAX),
    FP8_E5M2(8, 5, 2, 15, Fp8E5M2.MAX);

    private final int bits;
    private final int exponentBits;
    private final int mantissaBits;
    private final int emax;
    private final float maxNormal;

    MxElement(int bits, int exponentBits, int mantissaBits, int emax, float maxNormal) {
        this.bits = bits;
        this.exponentBits = exponentBits;
        this.mantissaBits = mantissaBits;
        this.emax = emax;
        this.maxNormal = maxNormal;
    }

    /** Bits of one stored element. */
    public int bits() {
        return bits;
    }

    public int exponentBits() {
        return exponentBits;
    }

    public int mantissaBits() {
        return mantissaBits;
    }

    /** The exponent of the largest normal, {@code emax_elem} of the spec's shared-exponent rule. */
    public int emax() {
        return emax;
    }

    public float maxNormal() {
        return maxNormal;
    }

    /** {@code 1 − bias}: the exponent of the smallest normal (FP4/FP6; bias 2^(e−1) − 1). */
    private int minExponent() {
        return 2 - (1 << (exponentBits - 1));
    }

    /** The sign bit's position: the code's top bit. */
    private int signBit() {
        return 1 << (bits - 1);
    }

    /** The element code (in the low {@link #bits()} bits) of {@code v}: to nearest even, saturating. */
    public int encode(float v) {
        return switch (this) {
            case FP8_E4M3 -> Fp8E4M3.encode(v, Overflow.SATURATE) & 0xFF;
            case FP8_E5M2 -> Fp8E5M2.encode(v, Overflow.SATURATE) & 0xFF;
            default -> encodeSmall(v);
        };
    }

    private int encodeSmall(float v) {
        if (Float.isNaN(v)) {
            throw new IllegalArgumentException(name() + " has no NaN (OCP MX v1.0, 5.3.3)");
        }
        int raw = Float.floatToRawIntBits(v);
        int maxMagnitude = signBit() - 1;
        // torchao saturates everything at or past the largest normal; below it, round to nearest
        // even never passes it, so this equals rounding then clamping.
        int magnitude = Math.abs(v) >= maxNormal ? maxMagnitude
                : MiniFloat.roundMagnitude(raw, mantissaBits, minExponent());
        return (raw < 0 ? signBit() : 0) | Math.min(magnitude, maxMagnitude);
    }

    /** The exact value of an element code (only its low {@link #bits()} bits are read). */
    public float decode(int code) {
        return switch (this) {
            case FP8_E4M3 -> Fp8E4M3.decode((byte) code);
            case FP8_E5M2 -> Fp8E5M2.decode((byte) code);
            default -> {
                int c = code & ((1 << bits) - 1);
                yield MiniFloat.withSign((c & signBit()) != 0,
                        MiniFloat.widen(c & (signBit() - 1), mantissaBits, minExponent()));
            }
        };
    }
}
