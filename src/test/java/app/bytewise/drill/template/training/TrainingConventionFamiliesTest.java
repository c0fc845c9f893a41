package app.bytewise.drill.template.training;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.Misconception;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.QuestionTemplate;
import app.bytewise.drill.TemplateCatalog;
import app.bytewise.drill.template.DrillContext;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The families on Megatron's accounting and eager attention implementations: each answer recomputed by hand
 * from the numbers its question states, and pinned to what the framework printed or PyTorch saved.
 */
class TrainingConventionFamiliesTest {

    private static final TemplateCatalog CATALOG = new TemplateCatalog(DrillContext.load());

    private static QuestionTemplate template(String id) {
        return CATALOG.find(id).orElseThrow();
    }

    private static Matcher match(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m;
    }

    private static long number(Matcher m, int group) {
        return Long.parseLong(m.group(group).replace(",", ""));
    }

    @Test
    void megatronStatesFromTheStatedCountAndRanks() {
        boolean example = false;
        for (long seed = 0; seed < 300; seed++) {
            Question q = template("megatron-distributed-optimizer-states").generate(seed, QuestionKind.NUMERIC);
            Matcher m = match("\\(([\\d,]+) parameters\\).*over (\\d+) data-parallel GPUs", q.text());
            long psi = number(m, 1);
            long nd = number(m, 2);
            BigDecimal expected = BigDecimal.valueOf(Math.ceilDiv(psi * (6 * nd + 12), nd));
            assertThat(q.numeric().orElseThrow().value()).as(q.text()).isEqualByComparingTo(expected);
            if (psi == 8_030_261_248L && nd == 8) {
                // Megatron printed "weight and optimizer=57436.90 MB" for its Llama 3 8B example on 8 GPUs.
                assertThat(String.format(java.util.Locale.ROOT, "%.2f", expected.doubleValue() / (1 << 20)))
                        .isEqualTo("57436.90");
                example = true;
            }
        }
        assertThat(example).isTrue();
    }

    @Test
    void eagerCoreFromTheStatedImplementation() {
        int hf = 0;
        for (long seed = 0; seed < 300; seed++) {
            Question q = template("eager-attention-saved-scores").generate(seed, QuestionKind.NUMERIC);
            Matcher m = match("\\((\\d+) attention heads\\).*At ([\\d,]+) tokens and a micro-batch of (\\d+)", q.text());
            long scores = number(m, 1) * number(m, 2) * number(m, 2) * number(m, 3);
            boolean fp32 = q.text().contains("computed in FP32");
            // attention-saved-bytes.tsv: PyTorch kept 6 bytes per score for the FP32 softmax, 5 with dropout.
            assertThat(q.numeric().orElseThrow().value()).as(q.text())
                    .isEqualByComparingTo(BigDecimal.valueOf((fp32 ? 6 : 5) * scores));
            hf += fp32 ? 1 : 0;
        }
        assertThat(hf).isBetween(100, 200);
    }

    @Test
    void eachWrongOptionIsItsNamedMistake() {
        for (String id : new String[] {"eager-attention-saved-scores", "megatron-distributed-optimizer-states"}) {
            Question q = template(id).generate(1, QuestionKind.CHOICE);
            assertThat(q.options()).filteredOn(o -> !o.correct()).hasSizeGreaterThanOrEqualTo(3)
                    .allMatch(o -> o.misconception() != null);
        }
        assertThat(Misconception.valueOf("MEGATRON_GRADIENTS_16BIT")).isNotNull();
    }
}
