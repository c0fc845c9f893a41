package app.bytewise.quant.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The cost estimate follows each method's work: these are properties of the formula, not timings. */
class LabCostTest {

    private static double seconds(String format, LabMethod method, int rows, int cols, int inputRows) {
        return LabCost.of(format, method, rows, cols, inputRows).toNanos() / 1e9;
    }

    @Test
    void gptqGrowsWithTheCubeOfTheColumnsNotJustTheElementCount() {
        double square = seconds("int4", LabMethod.GPTQ, 1024, 1024, 0);
        double wide = seconds("int4", LabMethod.GPTQ, 256, 4096, 0); // same element count
        assertThat(wide / square).isGreaterThan(10);
        // Doubling both sides: about 8 times the work (cols³ and rows · cols²).
        assertThat(seconds("int4", LabMethod.GPTQ, 2048, 2048, 0) / square).isBetween(6.5, 8.1);
    }

    @Test
    void methodsWithInputsScaleWithTheInputRows() {
        for (LabMethod m : new LabMethod[] {LabMethod.AWQ, LabMethod.LLM_INT8, LabMethod.SMOOTHQUANT}) {
            double few = seconds("int8", m, 1024, 1024, 256);
            double many = seconds("int8", m, 1024, 1024, 2048);
            assertThat(many / few).as(m.id()).isBetween(7.0, 8.0);
        }
        // AWQ runs RTN and two products at 21 grid points: about 20 times LLM.int8()'s three products.
        assertThat(seconds("int4", LabMethod.AWQ, 1024, 1024, 512) / seconds("int8", LabMethod.LLM_INT8, 1024, 1024, 512))
                .isBetween(10.0, 20.0);
    }

    @Test
    void roundToNearestIsLinearAndKQuantsCostMore() {
        assertThat(seconds("int8", LabMethod.RTN, 4096, 4096, 0) / seconds("int8", LabMethod.RTN, 1024, 1024, 0))
                .isEqualTo(16.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(seconds("gguf:Q4_K", LabMethod.RTN, 1024, 1024, 0)).isEqualTo(3 * seconds("int8", LabMethod.RTN, 1024, 1024, 0),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(seconds("gguf:Q4_0", LabMethod.RTN, 1024, 1024, 0)).isEqualTo(seconds("int8", LabMethod.RTN, 1024, 1024, 0));
    }

    /** The figures the README and the limits rely on, from the formula. */
    @Test
    void referenceEstimates() {
        assertThat(seconds("int8", LabMethod.RTN, 4096, 4096, 0)).isBetween(0.8, 0.9);
        assertThat(seconds("int8", LabMethod.RTN, 4096, 4096, 512)).isBetween(12.5, 13.5);
        assertThat(seconds("int4", LabMethod.GPTQ, 4096, 4096, 512)).isBetween(20.0, 25.0);
        assertThat(seconds("int4", LabMethod.AWQ, 4096, 4096, 512)).isGreaterThan(240);
        assertThat(seconds("int8", LabMethod.RTN, 4, 8, 0)).isLessThan(1e-5);
        assertThat(LabCost.describe(Duration.ofMillis(12_345))).isEqualTo("12.3 s");
        assertThat(LabCost.describe(Duration.ofSeconds(300))).isEqualTo("5.0 min");
    }
}
