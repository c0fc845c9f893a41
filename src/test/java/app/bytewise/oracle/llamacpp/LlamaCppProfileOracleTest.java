package app.bytewise.oracle.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.engine.TestModels;
import app.bytewise.engine.checkpoint.GgufTensorType;
import app.bytewise.engine.checkpoint.GgufWriter;
import app.bytewise.engine.checkpoint.gguf.ModelGguf;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.TensorGroup;
import app.bytewise.engine.model.TensorRole;
import app.bytewise.engine.serving.CacheAllocation;
import app.bytewise.engine.serving.EngineAllocation;
import app.bytewise.engine.checkpoint.GgufHeader;
import app.bytewise.engine.serving.llamacpp.LlamaCppCacheType;
import app.bytewise.engine.serving.llamacpp.LlamaCppOffload;
import app.bytewise.engine.serving.llamacpp.LlamaCppPlacement;
import app.bytewise.engine.serving.llamacpp.LlamaCppWeights;
import app.bytewise.engine.serving.llamacpp.LlamaCppProfile;
import app.bytewise.engine.serving.llamacpp.LlamaCppSettings;
import app.bytewise.engine.serving.llamacpp.LlamaCppSettings.FlashAttention;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link LlamaCppProfile} against the real llama.cpp, byte for byte: each catalog model is written
 * as the GGUF llama.cpp would load ({@link ModelGguf}), loaded once, and opened with a grid of
 * contexts (n_ctx 5000, not a multiple of 256, and 20000; 1 and 3 sequences; unified or not; f16 and
 * q8_0 caches with flash attention; sliding models with and without swa_full). For each, the
 * profile's bytes must equal the context bytes of llama.cpp's memory breakdown, and its startup lines
 * the {@code llama_kv_cache: size = …}, {@code llama_kv_cache_iswa: creating …} and
 * {@code llama_memory_recurrent: size = …} lines llama.cpp logged. {@link LlamaCppPlacement} of the
 * GGUF's own tensor infos on the CPU alone must give the weight and context bytes the breakdown has
 * for the CPU buffer (this CPU build has no GPU to place layers on). Both sides are set explicitly,
 * since the C API defaults swa_full to true and llama-server to false.
 *
 * <p>llama.cpp's {@code n_params} must equal {@link Model#parameters()}: the GGUF holds the same
 * tensors, except the vision towers of Gemma 3 4B and Llama 4 Scout (an mmproj file in llama.cpp).
 * Tensors convert_hf_to_gguf.py would add are left out, as they shape no cache: Llama 3.1's
 * {@code rope_freqs} (64 values), Phi-3.5-MoE's optional LongRoPE {@code rope_factors_long/short},
 * and Qwen3-Next's MTP block (conversion/qwen.py appends it as a
 * nextn layer unless {@code --no-mtp}; the main context caches no nextn layer, src/llama-model.cpp
 * {@code create_memory}). DeepSeek's MTP layers convert_hf_to_gguf.py skips itself ({@code skip_mtp}).
 */
@OnLlamaCpp
class LlamaCppProfileOracleTest {

    private static final Pattern SIZE = Pattern.compile("\\(\\s*(\\d+) cells,\\s*(\\d+) layers,");
    private static final List<String> PREFIXES = List.of("llama_kv_cache: size =", "llama_kv_cache_iswa: creating",
            "llama_memory_recurrent: size =");

    @TempDir
    static Path dir;
    private static LlamaCppOracle oracle;

    @BeforeAll
    static void oracle() {
        oracle = LlamaCppOracle.fromEnvironment();
    }

    /**
     * @param sliding whether the grid also varies swa_full
     * @param textOnly the GGUF holds the language model only (llama.cpp loads a vision tower from an
     *     mmproj file), so llama.cpp counts the model's parameters less its {@link TensorRole#VISION} ones
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "llama-3-1-8b, false, false",
            "mistral-7b-v0-1, false, false",
            "mixtral-8x7b-v0-1, false, false",
            "qwen3-8b, false, false",
            "qwen3-30b-a3b, false, false",
            "gemma-3-1b, true, false",
            "gemma-3-4b, true, true",
            "gemma-2-2b, true, false",
            "gpt-oss-20b, true, false",
            "deepseek-v2-lite, false, false",
            "deepseek-v3, false, false",
            "mamba2-2-7b, false, false",
            "qwen3-next-80b-a3b-instruct, false, false",
            "phi-3-mini-4k-instruct, false, false",
            "llama-4-scout-17b-16e, true, true",
            "jamba-v0-1, false, false",
            "qwen2-7b, false, false",
            "llama-3-2-1b, false, false",
            "qwen2-0-5b, false, false",
            "gemma-3-27b, true, true",
            "gpt-oss-120b, true, false",
            "kimi-k2-instruct, false, false",
            "llama-4-maverick-17b-128e, true, true",
            "qwen1-5-moe-a2-7b, false, false",
            "gemma-7b, false, false",
            "gemma-2b, false, false",
            "phi-3-5-moe-instruct, false, false",
            "falcon-7b, false, false",
            "gpt2, false, false",
            "gpt-neox-20b, false, false",
    })
    void profileAllocatesWhatLlamaCppAllocates(String id, boolean sliding, boolean textOnly) {
        Model model = TestModels.model(id);
        GgufWriter gguf = ModelGguf.of(model);
        Path file = gguf.write(dir.resolve(id + ".gguf"));
        List<LlamaCppSettings> ours = new ArrayList<>();
        List<ContextSettings> theirs = new ArrayList<>();
        for (int nCtx : new int[] {5000, 20000}) {
            for (int seqs : new int[] {1, 3}) {
                for (boolean unified : new boolean[] {false, true}) {
                    for (boolean swaFull : sliding ? new boolean[] {false, true} : new boolean[] {false}) {
                        for (GgufTensorType type : new GgufTensorType[] {GgufTensorType.F16, GgufTensorType.Q8_0}) {
                            LlamaCppCacheType cache = type == GgufTensorType.F16 ? LlamaCppCacheType.F16 : LlamaCppCacheType.Q8_0;
                            ours.add(new LlamaCppSettings(nCtx, seqs, 512, unified, swaFull, cache, cache, FlashAttention.ON));
                            theirs.add(ContextSettings.of(nCtx).withSeqMax(seqs).withKvUnified(unified).withSwaFull(swaFull)
                                    .withCache(type, type).withFlashAttn(ContextSettings.FLASH_ON).withBatch(2048, 512));
                        }
                    }
                }
            }
        }

        List<Allocation> answers = oracle.allocateAll(file, theirs);
        LlamaCppWeights weights = LlamaCppWeights.ofGguf(GgufHeader.read(gguf.header(), "file").tensors());

        assertThat(answers.getFirst().failure()).isEmpty();
        assertThat(answers.getFirst().nParams()).as("llama.cpp's n_params").isEqualTo(model.parameters() - (textOnly ? vision(model) : 0));
        assertThat(answers.getFirst().modelBytes()).isEqualTo(gguf.tensorBytes());
        for (int i = 0; i < ours.size(); i++) {
            Allocation a = answers.get(i);
            String what = id + " " + theirs.get(i);
            assertThat(a.failure()).as(what).isEmpty();
            EngineAllocation e = LlamaCppProfile.allocate(model, ours.get(i));
            assertThat(e.totalBytes()).as(what + ": bytes").isEqualTo(a.contextBytes());
            LlamaCppPlacement p = LlamaCppPlacement.place(model, weights, ours.get(i), e, LlamaCppOffload.defaults(),
                    List.of(), false);
            assertThat(a.buffers()).as(what).containsOnlyKeys("CPU");
            assertThat(p.host().modelBytes()).as(what + ": host weights").isEqualTo(a.buffers().get("CPU").model());
            assertThat(p.host().kvBytes() + p.host().recurrentBytes()).as(what + ": host caches")
                    .isEqualTo(a.buffers().get("CPU").context());
            List<String> logged = a.log().stream().filter(l -> PREFIXES.stream().anyMatch(l::startsWith)).toList();
            assertThat(e.log()).as(what + ": log lines").isEqualTo(logged);
            List<String> sizes = logged.stream().filter(l -> l.contains(": size =")).toList();
            assertThat(sizes).as(what).hasSameSizeAs(e.caches());
            for (int c = 0; c < sizes.size(); c++) {
                Matcher m = SIZE.matcher(sizes.get(c));
                assertThat(m.find()).as(sizes.get(c)).isTrue();
                CacheAllocation cache = e.caches().get(c);
                assertThat(cache.cells()).as(what + ": cells").isEqualTo(Long.parseLong(m.group(1)));
                if (sizes.get(c).startsWith("llama_kv_cache:")) {
                    // The recurrent line counts every layer of the model, not only the recurrent ones.
                    assertThat(cache.layers()).as(what + ": layers").isEqualTo(Integer.parseInt(m.group(2)));
                }
            }
        }
    }

    private static long vision(Model model) {
        return model.tensorGroups().stream().filter(g -> g.role() == TensorRole.VISION).mapToLong(TensorGroup::elements).sum();
    }
}
