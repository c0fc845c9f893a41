package app.bytewise.quant.number;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** binary16 against the JDK's own conversions ({@link Float#floatToFloat16}, {@link Float#float16ToFloat}). */
class Fp16Test {

    /** Every float whose low 13 mantissa bits are 0, 1, 0x1000 (a tie), 0xFFF or 0x1FFF. */
    @Test
    void encodeMatchesTheJdkOnTiesAndNeighboursInEveryBinade() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (int sign = 0; sign < 2; sign++) {
            for (int exponent = 0; exponent < 256; exponent++) {
                for (int top = 0; top < 1024; top++) {
                    for (int low : new int[] {0, 1, 0x1000, 0xFFF, 0x1FFF}) {
                        checked += check(sign << 31 | exponent << 23 | top << 13 | low, wrong);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).isEqualTo(2 * 256 * 1024 * 5);
    }

    /**
     * Where binary16 is subnormal more than 13 bits are dropped, so the ties sit higher: for each
     * such binade, every kept pattern with the tie, its neighbours, and the extremes below it.
     */
    @Test
    void encodeMatchesTheJdkOnSubnormalTies() {
        List<String> wrong = new ArrayList<>();
        for (int sign = 0; sign < 2; sign++) {
            for (int exponent = 127 - 24; exponent < 127 - 14; exponent++) {
                int dropped = 13 + (-14 - (exponent - 127));
                int half = 1 << (dropped - 1);
                for (int kept = 0; kept < 1 << (23 - dropped); kept++) {
                    for (int low : new int[] {0, 1, half - 1, half, half + 1, 2 * half - 1}) {
                        check(sign << 31 | exponent << 23 | kept << dropped | low, wrong);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void encodeMatchesTheJdkOnRandomFloats() {
        SplittableRandom random = new SplittableRandom(16);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 2_000_000; i++) {
            check(random.nextInt(), wrong);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void decodeMatchesTheJdkForAllPatterns() {
        List<String> wrong = new ArrayList<>();
        for (int h = 0; h < 65536; h++) {
            float ours = Fp16.decode((short) h);
            float jdk = Float.float16ToFloat((short) h);
            boolean same = Float.isNaN(jdk)
                    ? Float.isNaN(ours) && sign(ours) == sign(jdk)
                    : Float.floatToRawIntBits(ours) == Float.floatToRawIntBits(jdk);
            if (!same) {
                wrong.add(Integer.toHexString(h));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void publishedFigures() {
        assertThat(Fp16.encode(1f)).isEqualTo((short) 0x3C00);
        assertThat(Fp16.encode(-2f)).isEqualTo((short) 0xC000);
        assertThat(Fp16.encode(65504f)).isEqualTo((short) 0x7BFF);
        assertThat(Fp16.encode(0x1p-14f)).isEqualTo((short) 0x0400);
        assertThat(Fp16.encode(0x1p-24f)).isEqualTo((short) 0x0001);
        assertThat(Fp16.encode(0x1p-25f)).isEqualTo((short) 0x0000); // tie with 0, 0 is even
        assertThat(Fp16.encode(Math.nextUp(0x1p-25f))).isEqualTo((short) 0x0001);
        assertThat(Fp16.encode(65520f)).isEqualTo((short) 0x7C00);
        assertThat(Fp16.encode(Math.nextDown(65520f))).isEqualTo((short) 0x7BFF);
        assertThat(Fp16.encode(-0f)).isEqualTo((short) 0x8000);
        assertThat(Fp16.decode((short) 0x3555)).isEqualTo(0.33325195f);
        assertThat(Fp16.decode((short) 0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
    }

    @Test
    void nanStaysQuietNaNWithItsSign() {
        for (int bits : new int[] {0x7FC00000, 0xFFC00000, 0x7F800001, 0xFF800001, 0x7FFFFFFF}) {
            int h = Fp16.encode(Float.intBitsToFloat(bits)) & 0xFFFF;
            assertThat(h & 0x7C00).isEqualTo(0x7C00);
            assertThat(h & 0x0200).as("quiet bit").isEqualTo(0x0200);
            assertThat(h >>> 15).isEqualTo(bits >>> 31);
        }
    }

    private static int check(int bits, List<String> wrong) {
        float f = Float.intBitsToFloat(bits);
        short ours = Fp16.encode(f);
        short jdk = Float.floatToFloat16(f);
        boolean same = Float.isNaN(f)
                ? (ours & 0x7C00) == 0x7C00 && (ours & 0x3FF) != 0 && (ours & 0x8000) == (jdk & 0x8000)
                : ours == jdk;
        if (!same && wrong.size() < 20) {
            wrong.add(Integer.toHexString(bits));
        }
        return 1;
    }

    private static int sign(float f) {
        return Float.floatToRawIntBits(f) >>> 31;
    }
}
