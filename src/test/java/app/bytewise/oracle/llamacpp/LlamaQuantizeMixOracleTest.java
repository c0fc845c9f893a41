package app.bytewise.oracle.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.engine.TestModels;
import app.bytewise.engine.checkpoint.GgufTensorType;
import app.bytewise.engine.checkpoint.GgufWriter;
import app.bytewise.engine.checkpoint.gguf.ModelGguf;
import app.bytewise.engine.format.GgufFormat;
import app.bytewise.engine.format.GroupStorage;
import app.bytewise.engine.format.WeightLayout;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.TensorRole;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine's GGUF mixes ({@link GgufFormat}, {@code gguf:Q4_K_M} …) against the real
 * llama-quantize of the pinned llama.cpp: each catalog model is written as the f16 GGUF llama.cpp
 * would load ({@link ModelGguf}), llama-quantize picks a type for every tensor in a dry run, and the
 * bytes of those choices must equal the engine's GGUF size for that mix, to the byte; on a
 * difference the bytes per type of both sides are shown.
 */
@OnLlamaCpp
class LlamaQuantizeMixOracleTest {

    @TempDir
    static Path dir;
    private static LlamaCppQuantizeOracle oracle;

    @BeforeAll
    static void oracle() {
        oracle = LlamaCppQuantizeOracle.fromEnvironment();
    }

    /** {@code enum llama_ftype} in include/llama.h. */
    private static final Map<String, Integer> FTYPES = Map.ofEntries(Map.entry("Q4_0", 2), Map.entry("Q4_1", 3),
            Map.entry("Q8_0", 7), Map.entry("Q5_0", 8), Map.entry("Q5_1", 9), Map.entry("Q2_K", 10),
            Map.entry("Q3_K_M", 12), Map.entry("Q3_K_L", 13), Map.entry("Q4_K_S", 14), Map.entry("Q4_K_M", 15),
            Map.entry("Q5_K_S", 16), Map.entry("Q5_K_M", 17), Map.entry("Q6_K", 18), Map.entry("MXFP4_MOE", 38));

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "llama-3-1-8b, Q4_K_M", "llama-3-1-8b, Q5_K_M", "llama-3-1-8b, Q3_K_M", "llama-3-1-8b, Q2_K",
            "llama-3-1-8b, Q4_K_S", "llama-3-1-8b, Q6_K", "llama-3-1-8b, Q8_0", "llama-3-1-8b, Q4_0",
            "llama-3-1-8b, Q3_K_L", "llama-3-1-8b, Q5_K_S", "llama-3-1-8b, Q5_1",
            "mistral-7b-v0-1, Q4_K_M", "qwen2-7b, Q4_K_M", "qwen3-8b, Q4_K_M", "qwen3-8b, Q2_K",
            "gemma-2-2b, Q4_K_M", "gemma-2-2b, Q3_K_M", "phi-3-mini-4k-instruct, Q4_K_M",
            "mixtral-8x7b-v0-1, Q4_K_M", "mixtral-8x7b-v0-1, Q2_K", "qwen3-30b-a3b, Q4_K_M",
            "gpt-oss-20b, MXFP4_MOE", "gpt-oss-20b, Q4_K_M", "falcon-7b, Q4_K_M", "llama-2-70b, Q4_K_M",
            "deepseek-v2-lite, Q4_K_M", "qwen3-next-80b-a3b-instruct, Q4_K_M", "mamba2-2-7b, Q4_K_M", "phi-3-5-moe-instruct, Q4_K_M",
            "gemma-3-4b, Q4_K_M", "llama-4-scout-17b-16e, Q4_K_M", "jamba-v0-1, Q4_K_M", "gpt2, Q4_K_M", "gpt-neox-20b, Q4_K_M",
            "qwen2-0-5b, Q4_K_M", "gemma-7b, Q4_K_M", "qwen1-5-moe-a2-7b, Q4_K_M", "llama-3-2-1b, Q4_K_M", "gemma-3-27b, Q2_K",
            "deepseek-v2-lite, Q2_K", "deepseek-v2-lite, Q3_K_M", "deepseek-v2-lite, Q6_K", "deepseek-v3, Q4_K_M",
            "kimi-k2-instruct, Q2_K",
    })
    void engineMixesEqualWhatLlamaQuantizePicks(String id, String mix) {
        Model model = TestModels.model(id);
        GgufWriter gguf = ModelGguf.of(model);
        Path file = dir.resolve(id + ".gguf");
        if (!file.toFile().exists()) {
            gguf.write(file);
        }
        Map<String, String> chosen = oracle.types(file, FTYPES.get(mix));

        Map<String, Long> theirs = new TreeMap<>();
        for (GgufWriter.Tensor t : gguf.tensors()) {
            String type = chosen.get(t.name());
            assertThat(type).as(id + ": llama-quantize's type for " + t.name()).isNotNull();
            GgufTensorType ggml = GgufTensorType.valueOf(type.toUpperCase(Locale.ROOT));
            long elements = t.shape().stream().reduce(1L, Math::multiplyExact);
            theirs.merge(ggml.name(), elements / ggml.blockSize() * ggml.typeSize(), Long::sum);
        }
        WeightLayout layout = GgufFormat.parse(mix).layout(model);
        Map<String, Long> ours = new TreeMap<>();
        for (GroupStorage g : layout.groups()) {
            if (g.group().role() != TensorRole.VISION) {
                ours.merge(g.type(), g.bytes(), Long::sum);
            }
        }
        long total = theirs.values().stream().mapToLong(Long::longValue).sum();
        assertThat(ours.values().stream().mapToLong(Long::longValue).sum())
                .as(id + " " + mix + ": bytes per type, ours " + ours + ", llama-quantize's " + theirs).isEqualTo(total);
    }
}
