package app.bytewise.drill;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.answer.Unit;
import app.bytewise.drill.template.DrillContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A distractor is its mistake applied to the question's own inputs, worked out here by hand from
 * the question's text, and grading tells a mistake from the answer even when the two lie close.
 */
class MistakeValuesTest {

    private static final TemplateCatalog CATALOG = new TemplateCatalog(DrillContext.load());

    private static Question find(String template, String mustContain) {
        for (long seed = 0; seed < 2000; seed++) {
            Question q = CATALOG.find(template).orElseThrow().generate(seed, QuestionKind.NUMERIC);
            if (q.text().contains(mustContain)) {
                return q;
            }
        }
        throw new AssertionError(template + ": no seed with " + mustContain);
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    /** ZeRO paper §5: stage 2 keeps 2Ψ of weights and shards 14Ψ; Adam taken as 10 bytes keeps 2Ψ and shards 8Ψ. */
    @Test
    void zeroStageTwoMistakesAreTheirOwnFormulas() {
        Question q = find("zero-per-gpu-states", "ZeRO stage 2");
        // Every bare count is a whole number of hundred millions ("1.3 billion"), so the product is exact.
        long psi = new BigDecimal(q.text().replaceAll(".*a model with ([\\d.]+) billion.*", "$1")).movePointRight(9).longValueExact();
        long n = number(q.text(), "over (\\d+) data-parallel");
        assertThat(q.numeric().orElseThrow().value()).isEqualByComparingTo(BigDecimal.valueOf(2 * psi + Math.ceilDiv(14 * psi, n)));
        assertThat(q.distractors().get(Misconception.ADAM_TEN_BYTES))
                .isEqualByComparingTo(BigDecimal.valueOf(2 * psi + Math.ceilDiv(8 * psi, n)));
        // The stage mixed up is stage 1: weights and gradients whole, optimizer state sharded.
        assertThat(q.distractors().get(Misconception.WRONG_ZERO_STAGE))
                .isEqualByComparingTo(BigDecimal.valueOf(4 * psi + Math.ceilDiv(12 * psi, n)));
    }

    /** Megatron-LM's bubble (p − 1)/m (Narayanan et al. 2021, §2.2) with p for p − 1 is p/m, and with m = 1 is p − 1. */
    @Test
    void megatronBubbleSlipsUseMegatronsDefinition() {
        Question q = CATALOG.find("bubble-megatron").orElseThrow().generate(3, QuestionKind.NUMERIC);
        long p = number(q.text(), "p = (\\d+) stages");
        long m = number(q.text(), "m = (\\d+) micro-batches");
        Map<Misconception, BigDecimal> d = q.distractors();
        assertThat(q.numeric().orElseThrow().value().doubleValue()).isCloseTo((p - 1.0) / m, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(d.get(Misconception.BUBBLE_NO_MINUS_ONE).doubleValue()).isCloseTo((double) p / m, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(d.get(Misconception.WRONG_BUBBLE_DEFINITION).doubleValue())
                .isCloseTo((p - 1.0) / (m + p - 1), org.assertj.core.data.Offset.offset(1e-12));
    }

    /**
     * gemma-2-9b (config.json): hidden 3584, 16 query heads and 8 KV heads of 256, 42 layers; the query
     * width 4096 is not the hidden size. LoRA's k_proj and v_proj output 2048 values; taken with one KV head
     * per query head they would output 4096, adding r × (4096 − 2048) per layer to each, not r × (3584 − 2048).
     */
    @Test
    void attentionHeadsMistakeWidensKAndVToTheQueryWidth() {
        Question q = find("lora-trainable-parameters", "gemma-2-9b");
        assertThat(q.text()).contains("hidden size 3584, 16 attention heads and 8 KV heads of dimension 256");
        long r = number(q.text(), "rank (\\d+)");
        int widened = q.text().contains("k_proj") ? 2 : 1;
        BigDecimal params = q.numeric().orElseThrow().value();
        assertThat(q.distractors().get(Misconception.KV_ATTENTION_HEADS).subtract(params))
                .isEqualByComparingTo(BigDecimal.valueOf(widened * r * (4096 - 2048) * 42));
    }

    @Test
    void aMistakeInsideTheUsualTwoPercentNarrowsTheTolerance() {
        // 1,860 MiB paged against 1,831 MiB unpaged: 1.6 % apart, so ±2 % would pass the mistake.
        NumericAnswer paged = new NumericAnswer(BigDecimal.valueOf(1860L << 20), Unit.MIB_UNIT, 2, Tolerance.DEFAULT);
        NumericAnswer narrowed = paged.narrowedFor(List.of(BigDecimal.valueOf(1831L << 20)));
        assertThat(narrowed.tolerance().amount()).isEqualByComparingTo("0.0077");
        assertThat(narrowed.tolerance().accepts(narrowed.value(), BigDecimal.valueOf(1831L << 20))).isFalse();
        assertThat(narrowed.tolerance().accepts(narrowed.value(), BigDecimal.valueOf(1855L << 20))).isTrue();
        Question q = new Question(new QuestionId("t", QuestionKind.NUMERIC, 1), Topic.KV_CACHE, Difficulty.MEDIUM,
                QuestionKind.NUMERIC, "?", List.of(), Optional.of(paged),
                Map.of(Misconception.IGNORED_PAGE_ROUNDING, BigDecimal.valueOf(1831L << 20)), new Solution(List.of(), "", ""));
        // Even inside an unnarrowed ±2 %, a figure nearer the mistake is diagnosed as the mistake.
        Grade g = Grader.DEFAULT.grade(q, "1,832 MiB", 1);
        assertThat(g.correct()).hasValue(false);
        assertThat(g.misconception()).hasValue(Misconception.IGNORED_PAGE_ROUNDING);
        assertThat(Grader.DEFAULT.grade(q, "1,858 MiB", 1).correct()).hasValue(true);
    }

    @Test
    void pagedQuestionsNeverPassTheUnroundedCache() {
        for (long seed = 0; seed < 300; seed++) {
            Question q = CATALOG.find("kv-cache-paged").orElseThrow().generate(seed, QuestionKind.NUMERIC);
            BigDecimal unpaged = q.distractors().get(Misconception.IGNORED_PAGE_ROUNDING);
            if (unpaged != null) {
                String typed = unpaged.divide(BigDecimal.valueOf(1L << 20), java.math.MathContext.DECIMAL64) + " MiB";
                assertThat(Grader.DEFAULT.grade(q, typed, 1).misconception()).as(q.text())
                        .hasValue(Misconception.IGNORED_PAGE_ROUNDING);
            }
        }
    }

    @Test
    void theRightNumberInTheSiblingUnitIsNamedAsAUnitSlip() {
        Question q = find("weights-model-gib", "FP16");
        String number = q.numeric().orElseThrow().expected().replace(" GiB", "");
        Grade g = Grader.DEFAULT.grade(q, number + " GB", 1);
        assertThat(g.correct()).hasValue(false);
        assertThat(g.misconception()).hasValue(Misconception.UNIT_SLIP);
        assertThat(g.feedback()).contains("asks for GiB and you wrote GB").doesNotContain(number);
        assertThat(Grader.DEFAULT.grade(q, number + " GiB", 1).correct()).hasValue(true);
    }
}
