package app.bytewise.quant.number;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * E4M3 and E5M2 against the OCP 8-bit floating point specification (OFP8, v1.0): its table of
 * limits and encodings, and every one of the 256 patterns valued by the spec's formula.
 */
class Fp8Test {

    /**
     * The spec's formula: exponent field 0 gives (-1)^S * 2^(1-bias) * 0.M, any other gives
     * (-1)^S * 2^(E-bias) * 1.M, in double arithmetic here.
     */
    private static double ocpValue(int b, int exponentBits, int mantissaBits, int bias) {
        int sign = b >>> (exponentBits + mantissaBits);
        int e = (b >>> mantissaBits) & ((1 << exponentBits) - 1);
        int m = b & ((1 << mantissaBits) - 1);
        double fraction = m / (double) (1 << mantissaBits);
        double magnitude = e == 0 ? Math.pow(2, 1 - bias) * fraction : Math.pow(2, e - bias) * (1 + fraction);
        return sign == 1 ? -magnitude : magnitude;
    }

    @Test
    void e4m3DecodesEveryPatternByTheSpecFormula() {
        for (int b = 0; b < 256; b++) {
            float v = Fp8E4M3.decode((byte) b);
            if ((b & 0x7F) == 0x7F) {
                assertThat(v).as("S.1111.111 is NaN").isNaN();
                continue;
            }
            assertThat((double) v).as("0x%02x", b).isEqualTo(ocpValue(b, 4, 3, 7));
            assertThat(Float.floatToRawIntBits(v) >>> 31).isEqualTo(b >>> 7); // -0 for 0x80
        }
    }

    @Test
    void e5m2DecodesEveryPatternByTheSpecFormula() {
        for (int b = 0; b < 256; b++) {
            float v = Fp8E5M2.decode((byte) b);
            if ((b & 0x7C) == 0x7C) {
                if ((b & 0x03) == 0) {
                    assertThat(v).isEqualTo(b < 0x80 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY);
                } else {
                    assertThat(v).isNaN();
                }
                continue;
            }
            assertThat((double) v).as("0x%02x", b).isEqualTo(ocpValue(b, 5, 2, 15));
            assertThat(Float.floatToRawIntBits(v) >>> 31).isEqualTo(b >>> 7);
        }
    }

    @Test
    void e4m3SpecTable() {
        assertThat(Fp8E4M3.encode(1f)).isEqualTo((byte) 0x38);
        assertThat(Fp8E4M3.encode(448f)).isEqualTo((byte) 0x7E);
        assertThat(Fp8E4M3.decode((byte) 0x7E)).isEqualTo(448f).isEqualTo(Fp8E4M3.MAX);
        assertThat(Fp8E4M3.decode((byte) 0x08)).isEqualTo(0x1p-6f); // min normal S.0001.000
        assertThat(Fp8E4M3.decode((byte) 0x07)).isEqualTo(0.875f * 0x1p-6f); // max subnormal S.0000.111
        assertThat(Fp8E4M3.decode((byte) 0x01)).isEqualTo(0x1p-9f); // min subnormal S.0000.001
        assertThat(Fp8E4M3.encode(Float.NaN)).isEqualTo((byte) 0x7F).isEqualTo(Fp8E4M3.NAN);
        assertThat(Fp8E4M3.encode(Float.intBitsToFloat(0xFFC00000))).isEqualTo((byte) 0xFF);
        assertThat(Fp8E4M3.encode(-0f)).isEqualTo((byte) 0x80);
        assertThat(Fp8E4M3.encode(-448f)).isEqualTo((byte) 0xFE);
    }

    @Test
    void e5m2SpecTable() {
        assertThat(Fp8E5M2.encode(1f)).isEqualTo((byte) 0x3C);
        assertThat(Fp8E5M2.encode(57344f)).isEqualTo((byte) 0x7B);
        assertThat(Fp8E5M2.decode((byte) 0x7B)).isEqualTo(57344f).isEqualTo(Fp8E5M2.MAX);
        assertThat(Fp8E5M2.decode((byte) 0x04)).isEqualTo(0x1p-14f); // min normal S.00001.00
        assertThat(Fp8E5M2.decode((byte) 0x03)).isEqualTo(0.75f * 0x1p-14f); // max subnormal S.00000.11
        assertThat(Fp8E5M2.decode((byte) 0x01)).isEqualTo(0x1p-16f); // min subnormal S.00000.01
        assertThat(Fp8E5M2.encode(Float.POSITIVE_INFINITY)).isEqualTo((byte) 0x7C);
        assertThat(Fp8E5M2.encode(Float.NEGATIVE_INFINITY)).isEqualTo((byte) 0xFC);
        byte nan = Fp8E5M2.encode(Float.NaN);
        assertThat(nan & 0x7C).isEqualTo(0x7C);
        assertThat(nan & 0x03).isNotZero();
    }

    @Test
    void e4m3SaturatesAndRoundsAtTheTop() {
        assertThat(Fp8E4M3.encode(464f)).as("tie between 448 (even) and 480").isEqualTo((byte) 0x7E);
        assertThat(Fp8E4M3.encode(464f, Overflow.NON_SATURATING)).isEqualTo((byte) 0x7E);
        assertThat(Fp8E4M3.encode(Math.nextUp(464f))).isEqualTo((byte) 0x7E);
        assertThat(Fp8E4M3.encode(Math.nextUp(464f), Overflow.NON_SATURATING)).isEqualTo(Fp8E4M3.NAN);
        assertThat(Fp8E4M3.encode(1e6f)).isEqualTo((byte) 0x7E);
        assertThat(Fp8E4M3.encode(-1e6f)).isEqualTo((byte) 0xFE);
        assertThat(Fp8E4M3.encode(Float.POSITIVE_INFINITY)).isEqualTo((byte) 0x7E);
        assertThat(Fp8E4M3.encode(Float.NEGATIVE_INFINITY, Overflow.NON_SATURATING)).isEqualTo((byte) 0xFF);
        assertThat(Fp8E4M3.encode(Float.NaN, Overflow.SATURATE)).isEqualTo(Fp8E4M3.NAN);
    }

    @Test
    void e5m2OverflowsToInfinityOrSaturates() {
        assertThat(Fp8E5M2.encode(61440f)).as("tie between 57344 (odd) and 2^16").isEqualTo((byte) 0x7C);
        assertThat(Fp8E5M2.encode(Math.nextDown(61440f))).isEqualTo((byte) 0x7B);
        assertThat(Fp8E5M2.encode(61440f, Overflow.SATURATE)).isEqualTo((byte) 0x7B);
        assertThat(Fp8E5M2.encode(Float.NEGATIVE_INFINITY, Overflow.SATURATE)).isEqualTo((byte) 0xFB);
        assertThat(Fp8E5M2.decode(Fp8E5M2.encode(Float.NaN, Overflow.SATURATE))).isNaN();
    }

    /**
     * Every finite value encodes to its own pattern, and every midpoint between neighbours (exact
     * in float32) goes to the one with the even mantissa; a hair either side goes to the nearer.
     */
    @Test
    void roundTripsAndTiesToEvenBetweenAllNeighbours() {
        for (int format = 0; format < 2; format++) {
            boolean e4m3 = format == 0;
            int maxMagnitude = e4m3 ? 0x7E : 0x7B;
            for (int sign = 0; sign < 2; sign++) {
                for (int m = 0; m <= maxMagnitude; m++) {
                    int b = sign << 7 | m;
                    float v = decode(e4m3, b);
                    assertThat(encode(e4m3, v)).as("0x%02x", b).isEqualTo(b);
                    if (m == maxMagnitude) {
                        continue;
                    }
                    float next = decode(e4m3, b + 1);
                    float mid = (float) (((double) v + next) / 2);
                    assertThat((double) mid).isEqualTo(((double) v + next) / 2);
                    int even = (m & 1) == 0 ? b : b + 1;
                    assertThat(encode(e4m3, mid)).as("midpoint after 0x%02x", b).isEqualTo(even);
                    float towardV = sign == 0 ? Math.nextDown(mid) : Math.nextUp(mid);
                    float towardNext = sign == 0 ? Math.nextUp(mid) : Math.nextDown(mid);
                    assertThat(encode(e4m3, towardV)).isEqualTo(b);
                    assertThat(encode(e4m3, towardNext)).isEqualTo(b + 1);
                }
            }
        }
    }

    /**
     * A million random floats over the whole range (and past it), each encoded as the nearest of
     * the 254 finite E4M3 values found by search, ties to the even code, past the top saturated:
     * the definition of rounding, checked against the encoder's bit arithmetic.
     */
    @Test
    void e4m3EncodeIsTheNearestValueForRandomFloats() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261123);
        for (int i = 0; i < 1_000_000; i++) {
            float f = (float) (Math.scalb(random.nextDouble(1, 2), random.nextInt(-14, 11)) * (random.nextBoolean() ? 1 : -1));
            assertThat(Fp8E4M3.encode(f) & 0xFF).as("%s", f).isEqualTo(nearestE4m3(f));
        }
    }

    private static int nearestE4m3(float f) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        int sign = f < 0 || (f == 0 && 1 / f < 0) ? 0x80 : 0;
        for (int m = 0; m <= 0x7E; m++) {
            double distance = Math.abs(Math.abs((double) f) - ocpValue(m, 4, 3, 7));
            if (distance < bestDistance || distance == bestDistance && (m & 1) == 0) {
                best = m;
                bestDistance = distance;
            }
        }
        return sign | best;
    }

    /** Half of the smallest subnormal is a tie with zero and goes to zero; a hair more goes up. */
    @Test
    void underflow() {
        assertThat(Fp8E4M3.encode(0x1p-10f)).isZero();
        assertThat(Fp8E4M3.encode(Math.nextUp(0x1p-10f))).isEqualTo((byte) 0x01);
        assertThat(Fp8E5M2.encode(0x1p-17f)).isZero();
        assertThat(Fp8E5M2.encode(-Math.nextUp(0x1p-17f))).isEqualTo((byte) 0x81);
        assertThat(Fp8E5M2.encode(Float.MIN_VALUE)).isZero();
    }

    /**
     * E5M2 is binary16 cut to its top byte, so for every binary16 value the encoding must equal
     * rounding the 16-bit pattern to nearest even on the integer, with the JDK supplying the value.
     */
    @Test
    void e5m2AgreesWithRoundingBinary16Patterns() {
        for (int h = 0; h < 0x7C00; h++) {
            for (int sign : new int[] {0, 0x8000}) {
                float f = Float.float16ToFloat((short) (sign | h));
                int rounded = (h + 0x7F + ((h >>> 8) & 1)) >>> 8;
                assertThat(Fp8E5M2.encode(f) & 0xFF).as("half 0x%04x", sign | h).isEqualTo(sign >>> 8 | rounded);
            }
        }
    }

    private static float decode(boolean e4m3, int b) {
        return e4m3 ? Fp8E4M3.decode((byte) b) : Fp8E5M2.decode((byte) b);
    }

    private static int encode(boolean e4m3, float f) {
        return (e4m3 ? Fp8E4M3.encode(f) : Fp8E5M2.encode(f)) & 0xFF;
    }
}
