package app.bytewise.quant.number;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The MX element formats against the OCP Microscaling v1.0 spec's tables (section 5.3). */
class MxElementTest {

    private static TreeSet<Float> magnitudes(MxElement e) {
        TreeSet<Float> set = new TreeSet<>();
        for (int c = 0; c < 1 << (e.bits() - 1); c++) {
            set.add(e.decode(c));
        }
        return set;
    }

    @Test
    void e2m1HasTheSpecsEightMagnitudes() {
        assertThat(magnitudes(MxElement.FP4_E2M1)).containsExactly(0f, 0.5f, 1f, 1.5f, 2f, 3f, 4f, 6f);
        // The sign is the top bit: 0b1111 is −6, 0b1000 is −0.
        assertThat(MxElement.FP4_E2M1.decode(0xF)).isEqualTo(-6f);
        assertThat(Float.floatToRawIntBits(MxElement.FP4_E2M1.decode(0x8))).isEqualTo(0x8000_0000);
    }

    /** Spec table: E2M3 max normal 7.5, min normal 1, min subnormal 0.125; E3M2 28, 0.25, 0.0625. */
    @Test
    void fp6LimitsAreTheSpecs() {
        TreeSet<Float> e2m3 = magnitudes(MxElement.FP6_E2M3);
        assertThat(e2m3.last()).isEqualTo(7.5f).isEqualTo(MxElement.FP6_E2M3.maxNormal());
        assertThat(e2m3.higher(0f)).isEqualTo(0.125f);
        assertThat(MxElement.FP6_E2M3.decode(0b001000)).isEqualTo(1f);
        TreeSet<Float> e3m2 = magnitudes(MxElement.FP6_E3M2);
        assertThat(e3m2.last()).isEqualTo(28f).isEqualTo(MxElement.FP6_E3M2.maxNormal());
        assertThat(e3m2.higher(0f)).isEqualTo(0.0625f);
        assertThat(MxElement.FP6_E3M2.decode(0b000100)).isEqualTo(0.25f);
        assertThat(e2m3).hasSize(32);
        assertThat(e3m2).hasSize(32);
    }

    @Test
    void fp8ElementsAreOfp8() {
        assertThat(MxElement.FP8_E4M3.maxNormal()).isEqualTo(448f);
        assertThat(MxElement.FP8_E5M2.maxNormal()).isEqualTo(57344f);
        assertThat(MxElement.FP8_E4M3.decode(0x7E)).isEqualTo(448f);
        assertThat(MxElement.FP8_E5M2.decode(0x7B)).isEqualTo(57344f);
        // torchao's *_MAX_POW2: the exponent of each format's largest normal.
        assertThat(Arrays.stream(MxElement.values()).mapToInt(MxElement::emax)).containsExactly(2, 2, 4, 8, 15);
    }

    /** To nearest, ties to the even code: 0.25 → 0, 0.75 → 1, 1.75 → 2, 2.5 → 2, 3.5 → 4, 5 → 4. */
    @Test
    void e2m1RoundsToNearestEven() {
        MxElement e = MxElement.FP4_E2M1;
        assertThat(e.encode(0.25f)).isEqualTo(0b0000);
        assertThat(e.encode(0.75f)).isEqualTo(0b0010);
        assertThat(e.encode(1.75f)).isEqualTo(0b0100);
        assertThat(e.encode(2.5f)).isEqualTo(0b0100);
        assertThat(e.encode(3.5f)).isEqualTo(0b0110);
        assertThat(e.encode(5f)).isEqualTo(0b0110);
        assertThat(e.encode(5.0001f)).isEqualTo(0b0111);
        assertThat(e.encode(-0.3f)).isEqualTo(0b1001);
        assertThat(e.encode(-0f)).isEqualTo(0b1000);
    }

    @Test
    void everyElementSaturatesAtItsMaxNormal() {
        for (MxElement e : MxElement.values()) {
            int max = e.encode(e.maxNormal());
            assertThat(e.decode(max)).isEqualTo(e.maxNormal());
            assertThat(e.encode(e.maxNormal() * 1.5f)).isEqualTo(max);
            assertThat(e.encode(Float.POSITIVE_INFINITY)).isEqualTo(max);
            assertThat(e.decode(e.encode(-1e30f))).isEqualTo(-e.maxNormal());
        }
        assertThatThrownBy(() -> MxElement.FP6_E3M2.encode(Float.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyCodeRoundTrips() {
        for (MxElement e : new MxElement[] {MxElement.FP4_E2M1, MxElement.FP6_E2M3, MxElement.FP6_E3M2}) {
            for (int c = 0; c < 1 << e.bits(); c++) {
                assertThat(e.encode(e.decode(c))).isEqualTo(c);
            }
        }
    }
}
