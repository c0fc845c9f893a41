package app.bytewise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepShownResultTest {

    private static Step step(BigDecimal result, String unit) {
        return new Step("k", "name", "f", List.of(), result, unit, "");
    }

    @Test
    void aNonTerminatingQuotientIsRoundedAndMarked() {
        // GPipe's bubble for p = 9, m = 37: 8 / 45 = 0.17777…
        BigDecimal bubble = BigDecimal.valueOf(8).divide(BigDecimal.valueOf(45), MathContext.DECIMAL64);
        assertThat(step(bubble, "fraction").shownResult()).isEqualTo("≈ 0.177778 (≈ 17.78 %)");
    }

    @Test
    void exactFiguresStayExact() {
        assertThat(step(new BigDecimal("0.25"), "fraction").shownResult()).isEqualTo("0.25 (25 %)");
        assertThat(step(new BigDecimal("362.0"), "tokens/s").shownResult()).isEqualTo("362 tokens/s");
        assertThat(step(BigDecimal.valueOf(143), "sequences").shownResult()).isEqualTo("143 sequences");
        assertThat(Step.bytes("b", "n", "f", List.of(), 1L << 30, "").shownResult())
                .isEqualTo("1,073,741,824 bytes = " + ByteCount.of(1L << 30).display());
    }
}
