package app.bytewise.drill.template;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.Grader;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.QuestionTemplate;
import app.bytewise.drill.TemplateCatalog;
import app.bytewise.engine.catalog.ModelCatalog;
import app.bytewise.engine.serving.vllm.VllmBudget;
import app.bytewise.engine.serving.vllm.VllmProfile;
import app.bytewise.engine.serving.vllm.VllmSettings;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The question families on MoE batches, microscaled FP4, llama.cpp's -ngl and vLLM's refusal: each
 * answer recomputed by hand from the numbers its question states, and pinned to a published figure.
 */
class NewFamiliesTest {

    private static final TemplateCatalog CATALOG = new TemplateCatalog(DrillContext.load());

    private static QuestionTemplate template(String id) {
        return CATALOG.find(id).orElseThrow();
    }

    private static long number(Matcher m, int group) {
        return Long.parseLong(m.group(group).replace(",", ""));
    }

    private static Matcher match(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m;
    }

    @Test
    void expertsReadAtBatchFromTheStatedRouting() {
        boolean mixtralThree = false;
        for (long seed = 0; seed < 300; seed++) {
            Question q = template("moe-experts-read-at-batch").generate(seed, QuestionKind.NUMERIC);
            Matcher m = match("to (\\d+) of its (\\d+) experts.*a batch of (\\d+) sequences", q.text());
            double k = number(m, 1);
            double e = number(m, 2);
            double b = number(m, 3);
            double expected = e * (1 - Math.pow((e - k) / e, b));
            assertThat(q.numeric().orElseThrow().value().doubleValue()).as(q.text()).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(1e-5));
            if (q.text().startsWith("Mixtral-8x7B") && b == 3) {
                assertThat(q.numeric().orElseThrow().value()).isEqualByComparingTo("4.625");
                mixtralThree = true;
            }
        }
        assertThat(mixtralThree).isTrue();
    }

    @Test
    void fp4BytesFromTheStatedLayout() {
        int seen = 0;
        for (long seed = 0; seed < 300; seed++) {
            Question q = template("fp4-microscaled-tensor-size").generate(seed, QuestionKind.NUMERIC);
            Matcher m = match("A ([\\d,]+) × ([\\d,]+) weight matrix is stored in (MXFP4|NVFP4)", q.text());
            long n = number(m, 1) * number(m, 2);
            boolean mx = m.group(3).equals("MXFP4");
            // OCP MX v1.0: 32 × 4 bits + an 8-bit scale = 17 bytes per 32; NVFP4: 8 + 1 bytes per 16, + 4 per tensor.
            long expected = mx ? n / 32 * 17 : n / 16 * 9 + 4;
            assertThat(q.numeric().orElseThrow().value()).as(q.text()).isEqualByComparingTo(BigDecimal.valueOf(expected));
            if (n == 4096L * 4096) {
                // 8.5 MiB in MXFP4, 9 MiB (and 4 bytes) in NVFP4.
                assertThat(q.numeric().orElseThrow().expected()).isEqualTo(mx ? "8.500 MiB" : "9.000 MiB");
                seen++;
            }
        }
        assertThat(seen).isPositive();
    }

    @Test
    void gpuLayersFromLlamaCppsOwnFigures() {
        // llama.cpp's CI, Llama-2-7B's shapes in F16 fully offloaded: "CUDA0 buffer size = 12603.02 MiB"
        // (13,215,219,712 bytes); the output layer alone (output.weight + output_norm) is 262,160,384 bytes, so
        // each of the 32 repeating layers is (13,215,219,712 − 262,160,384) / 32 = 404,783,104 bytes.
        int seen = 0;
        for (long seed = 0; seed < 400; seed++) {
            Question q = template("llamacpp-ngl-gpu-weights").generate(seed, QuestionKind.NUMERIC);
            if (!q.text().startsWith("Llama-2-7B ") || !q.text().contains("F16 GGUF")) {
                continue;
            }
            long ngl = number(match("-ngl (\\d+)", q.text()), 1);
            assertThat(q.numeric().orElseThrow().value()).as(q.text())
                    .isEqualByComparingTo(BigDecimal.valueOf(262_160_384L + (ngl - 1) * 404_783_104L));
            seen++;
        }
        assertThat(seen).isPositive();
    }

    @Test
    void vllmLongestLengthFromTheStatedBudget() {
        for (long seed = 0; seed < 200; seed++) {
            Question q = template("vllm-estimated-max-model-len").generate(seed, QuestionKind.NUMERIC);
            Matcher m = match("\\((\\d+) layers, (\\d+) KV heads of dimension (\\d+), (an FP8|a BF16) KV cache.*"
                    + "--max-model-len ([\\d,]+), and exactly ([\\d,]+) MiB", q.text());
            long perToken = 2 * number(m, 1) * number(m, 2) * number(m, 3) * (m.group(4).equals("an FP8") ? 1 : 2);
            long expected = (number(m, 6) << 20) / (16 * perToken) * 16;
            assertThat(expected).isLessThan(number(m, 5));
            assertThat(q.numeric().orElseThrow().value()).as(q.text()).isEqualByComparingTo(BigDecimal.valueOf(expected));
            assertThat(Grader.DEFAULT.grade(q, expected + " tokens", 1).correct()).contains(true);
        }
    }

    @Test
    void slidingCellsFromTheStatedSettings() {
        boolean gptOss512 = false;
        for (long seed = 0; seed < 300; seed++) {
            Question q = template("llamacpp-swa-cells").generate(seed, QuestionKind.NUMERIC);
            Matcher m = match("a ([\\d,]+)-token window. llama-server runs it with -c ([\\d,]+), one slot, -ub (\\d+)", q.text());
            long window = number(m, 1);
            long ubatch = number(m, 3);
            long expected = Math.min(pad256(number(m, 2)), pad256(window + ubatch));
            assertThat(q.numeric().orElseThrow().value()).as(q.text()).isEqualByComparingTo(BigDecimal.valueOf(expected));
            if (q.text().startsWith("gpt-oss-20b") && ubatch == 512) {
                // The real llama.cpp: "llama_kv_cache_iswa: creating     SWA KV cache, size = 768 cells".
                assertThat(expected).isEqualTo(768);
                gptOss512 = true;
            }
        }
        assertThat(gptOss512).isTrue();
    }

    private static long pad256(long n) {
        return (n + 255) / 256 * 256;
    }

    @Test
    void vllmLongestLengthIsWhatVllmPrinted() {
        // vllm-project/vllm#25350: Qwen3-30B-A3B with an fp8 cache, max_model_len 221,000 and 5.59 GiB (7,630
        // blocks of 16 × 49,152 bytes): "the estimated maximum model length is 122080".
        VllmSettings s = VllmSettings.defaults(221_000).withKvCacheDtype("fp8").withKvCacheMemory(7_630L * 16 * 49_152);
        assertThat(VllmProfile.longestFitting(ModelCatalog.load().require("qwen3-30b-a3b", "model").model(), s,
                VllmBudget.of(s, Optional.empty(), 0, 0, 0))).isEqualTo(122_080);
    }
}
