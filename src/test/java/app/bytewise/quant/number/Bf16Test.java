package app.bytewise.quant.number;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** bfloat16 against published bit patterns and ties worked out from the definition. */
class Bf16Test {

    @Test
    void publishedBitPatterns() {
        assertThat(Bf16.encode(1f)).isEqualTo((short) 0x3F80);
        assertThat(Bf16.encode(-2f)).isEqualTo((short) 0xC000);
        assertThat(Bf16.encode(3.3895314e38f)).isEqualTo((short) 0x7F7F);
        assertThat(Bf16.decode((short) 0x7F7F)).isEqualTo(3.3895314e38f).isEqualTo(Bf16.MAX);
        assertThat(Bf16.decode((short) 0x0080)).isEqualTo(0x1p-126f); // smallest normal
        assertThat(Bf16.decode((short) 0x0001)).isEqualTo(0x1p-133f); // smallest subnormal, 9.18355e-41
        assertThat(Bf16.encode(0x1p-133f)).isEqualTo((short) 0x0001);
        assertThat(Bf16.decode((short) 0x3EAB)).isEqualTo(0.333984375f); // 1/3 to bf16
        assertThat(Bf16.encode(1f / 3)).isEqualTo((short) 0x3EAB);
        assertThat(Bf16.encode((float) Math.PI)).isEqualTo((short) 0x4049); // 3.140625
        assertThat(Bf16.encode(Float.POSITIVE_INFINITY)).isEqualTo((short) 0x7F80);
        assertThat(Bf16.encode(Float.NEGATIVE_INFINITY)).isEqualTo((short) 0xFF80);
        assertThat(Bf16.encode(-0f)).isEqualTo((short) 0x8000);
    }

    /** 1 + 2^-8 is halfway between 0x3F80 and 0x3F81; 1 + 3*2^-8 between 0x3F81 and 0x3F82. */
    @Test
    void tiesGoToEven() {
        assertThat(Bf16.encode(1f + 0x1p-8f)).isEqualTo((short) 0x3F80);
        assertThat(Bf16.encode(Math.nextUp(1f + 0x1p-8f))).isEqualTo((short) 0x3F81);
        assertThat(Bf16.encode(Math.nextDown(1f + 0x1p-8f))).isEqualTo((short) 0x3F80);
        assertThat(Bf16.encode(1f + 3 * 0x1p-8f)).isEqualTo((short) 0x3F82);
        assertThat(Bf16.encode(Math.nextDown(1f + 3 * 0x1p-8f))).isEqualTo((short) 0x3F81);
        assertThat(Bf16.encode(-(1f + 3 * 0x1p-8f))).isEqualTo((short) 0xBF82);
        // subnormal tie: 0x1p-134 is halfway between 0 and the smallest subnormal
        assertThat(Bf16.encode(0x1p-134f)).isEqualTo((short) 0x0000);
        assertThat(Bf16.encode(3 * 0x1p-134f)).isEqualTo((short) 0x0002);
        // carry into the exponent: 0x3FFF8000 is halfway between 0x3FFF (odd) and 0x4000
        assertThat(Bf16.encode(Float.intBitsToFloat(0x3FFF8000))).isEqualTo((short) 0x4000);
    }

    /** Past max + half an ulp (2^128 * (1 - 2^-9)) the result is Inf; the tie itself goes up to even Inf. */
    @Test
    void overflow() {
        float boundary = Float.intBitsToFloat(0x7F7F8000);
        assertThat(Bf16.encode(Math.nextDown(boundary))).isEqualTo((short) 0x7F7F);
        assertThat(Bf16.encode(boundary)).isEqualTo((short) 0x7F80);
        assertThat(Bf16.encode(Float.MAX_VALUE)).isEqualTo((short) 0x7F80);
    }

    @Test
    void nanStaysNaNAndIsQuieted() {
        // a signalling NaN whose payload is all in the dropped bits: truncation would give Inf
        short b = Bf16.encode(Float.intBitsToFloat(0x7F800001));
        assertThat(Bf16.decode(b)).isNaN();
        assertThat(b & 0x0040).isEqualTo(0x0040);
        assertThat(Bf16.encode(Float.intBitsToFloat(0xFFC00000))).isEqualTo((short) 0xFFC0);
    }

    /** Random floats against the definition: the nearer neighbour by exact (double) distance, ties to even. */
    @Test
    void nearestByDefinition() {
        SplittableRandom random = new SplittableRandom(8);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 1_000_000; i++) {
            int bits = random.nextInt();
            if (i % 4 == 0) {
                bits = (bits & 0xFFFF0000) | 0x8000; // an exact tie
            }
            float f = Float.intBitsToFloat(bits);
            if (Float.isNaN(f) || Float.isInfinite(f)) {
                continue;
            }
            int down = bits >>> 16; // truncation: the neighbour towards zero
            double below = Math.abs(Bf16.decode((short) down));
            double above = Math.abs((double) Bf16.decode((short) (down + 1)));
            if ((down & 0x7FFF) == 0x7F7F) {
                above = 0x1p128; // the next step up would be the (virtual) 2^128
            }
            double d = Math.abs((double) f);
            int expected = d - below < above - d || d - below == above - d && (down & 1) == 0 ? down : down + 1;
            if ((Bf16.encode(f) & 0xFFFF) != expected) {
                wrong.add(Integer.toHexString(bits));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyPatternRoundTrips() {
        for (int b = 0; b < 65536; b++) {
            float f = Bf16.decode((short) b);
            assertThat(Float.floatToRawIntBits(f)).isEqualTo(b << 16);
            if (!Float.isNaN(f)) {
                assertThat(Bf16.encode(f) & 0xFFFF).isEqualTo(b);
            }
        }
    }
}
