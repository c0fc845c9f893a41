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
            // The IQ and other mixes: attention-V by GQA and experts, the counted ffn_down of MoE models with
            // shared experts, the imatrix-dependent rules, falcon's and 8 experts' exceptions.
            "llama-2-7b, IQ2_XXS", "llama-2-7b, IQ2_M", "llama-2-7b, IQ3_XXS", "llama-2-7b, IQ3_XS", "llama-2-7b, IQ3_M",
            "llama-2-7b, Q2_K_S", "llama-2-7b, IQ1_S", "llama-2-7b, Q3_K_S", "llama-2-7b, IQ4_XS", "llama-2-7b, IQ4_XS+imatrix",
            "llama-3-1-8b, IQ1_M", "llama-3-1-8b, IQ2_XS", "llama-3-1-8b, IQ2_S", "llama-3-1-8b, IQ3_S", "llama-3-1-8b, IQ3_XXS",
            "llama-3-1-8b, IQ4_NL", "llama-3-1-8b, Q4_0+imatrix", "llama-3-1-8b, Q5_0+imatrix", "llama-3-1-8b, TQ1_0",
            "llama-3-1-8b, TQ2_0", "llama-3-1-8b, Q2_0", "llama-3-1-8b, Q1_0", "llama-3-1-8b, BF16",
            "mixtral-8x7b-v0-1, IQ2_XXS", "mixtral-8x7b-v0-1, IQ3_M", "mixtral-8x7b-v0-1, IQ3_XS", "mixtral-8x7b-v0-1, IQ4_XS",
            "deepseek-v2-lite, IQ2_XXS", "deepseek-v2-lite, IQ1_M", "deepseek-v2-lite, IQ3_XXS", "qwen1-5-moe-a2-7b, IQ2_M",
            "qwen3-30b-a3b, IQ2_XXS", "qwen3-30b-a3b, IQ4_XS", "gemma-2-2b, IQ2_XXS", "gemma-2-2b, IQ3_XS",
            "phi-3-mini-4k-instruct, IQ2_S", "phi-3-mini-4k-instruct, IQ3_M", "falcon-7b, IQ2_XXS", "falcon-7b, Q4_K_S",
            "falcon-7b, IQ3_M", "llama-2-70b, IQ3_XXS", "llama-2-70b, IQ2_XS", "gpt-oss-20b, IQ2_XXS", "qwen2-7b, IQ3_XS",
            "jamba-v0-1, IQ2_XXS", "deepseek-v3, IQ1_S",
    })
    void engineMixesEqualWhatLlamaQuantizePicks(String id, String mix) {
        Model model = TestModels.model(id);
        GgufWriter gguf = ModelGguf.of(model);
        Path file = dir.resolve(id + ".gguf");
        if (!file.toFile().exists()) {
            gguf.write(file);
        }
        GgufFormat format = GgufFormat.parse(mix);
        Map<String, String> chosen = oracle.types(file, format.mix().orElseThrow().id(), format.imatrix());

        Map<String, Long> theirs = new TreeMap<>();
        for (GgufWriter.Tensor t : gguf.tensors()) {
            String type = chosen.get(t.name());
            assertThat(type).as(id + ": llama-quantize's type for " + t.name()).isNotNull();
            GgufTensorType ggml = GgufTensorType.valueOf(type.toUpperCase(Locale.ROOT));
            long elements = t.shape().stream().reduce(1L, Math::multiplyExact);
            theirs.merge(ggml.name(), elements / ggml.blockSize() * ggml.typeSize(), Long::sum);
        }
        WeightLayout layout = format.layout(model);
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
