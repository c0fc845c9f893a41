package app.bytewise.oracle.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.engine.checkpoint.GgufTensorType;
import app.bytewise.engine.checkpoint.GgufWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real llama.cpp sizes a Llama-2-7B (a sparse GGUF: full header, no weights) and its KV cache;
 * the bytes must follow the rule observed on this build: n_ctx padded to 256; without a unified
 * cache, n_seq_max streams of pad256(n_ctx / n_seq_max) cells, else one stream of n_ctx cells;
 * bytes = cells × streams × layers × (K row + V row). A child JVM per case, about half a second.
 */
@OnLlamaCpp
class LlamaCppKvCacheTest {

    private static final int LAYERS = 32;
    /** K and V rows of n_embd_k_gqa = 4096 values: F16 2 bytes each; Q8_0 34 bytes per 32 (block_q8_0, ggml-common.h). */
    private static final long F16_ROW = 4096 * 2;
    private static final long Q8_0_ROW = 4096 / 32 * 34;

    @TempDir
    static Path dir;
    private static Path llama2;
    private static GgufWriter writer;
    private static LlamaCppOracle oracle;

    @BeforeAll
    static void writeModel() {
        writer = LlamaGguf.LLAMA_2_7B.writer();
        llama2 = writer.write(dir.resolve("llama-2-7b.gguf"));
        oracle = LlamaCppOracle.fromEnvironment();
    }

    @Test
    void sizesTheModelFromItsHeader() {
        Allocation a = oracle.allocate(llama2, ContextSettings.of(4096));

        assertThat(a.failure()).isEmpty();
        // Llama-2-7B has 6,738,415,616 parameters (Hugging Face meta-llama/Llama-2-7b-hf), 2 bytes each
        // in F16 except the 65 norm vectors of 4096 F32 values.
        assertThat(a.nParams()).isEqualTo(6_738_415_616L);
        assertThat(a.modelBytes()).isEqualTo(13_477_363_712L).isEqualTo(writer.tensorBytes());
        assertThat(a.buffers()).containsOnlyKeys("CPU");
        assertThat(a.buffers().get("CPU").model()).isEqualTo(a.modelBytes());
        // The oracle notes' worked example: 2 (K, V) × 32 layers × 4096 cells × 4096 values × 2 bytes.
        assertThat(a.buffers().get("CPU").context()).isEqualTo(2_147_483_648L);
        assertThat(a.kvLines()).anyMatch(line -> line.contains("size = 2048.00 MiB (  4096 cells,  32 layers,  1/1 seqs)"));
        assertThat(a.recurrentLines()).isEmpty();
    }

    static Stream<Arguments> grid() {
        List<Arguments> cases = new ArrayList<>();
        for (int nCtx : new int[] {4096, 5000}) {
            // 3 sequences do not divide 5120 cells: non-unified streams then round up, 3 × 1792.
            for (int seqs : new int[] {1, 3, 4}) {
                for (boolean unified : new boolean[] {false, true}) {
                    cases.add(Arguments.of(nCtx, seqs, unified, GgufTensorType.F16, ContextSettings.FLASH_AUTO));
                    cases.add(Arguments.of(nCtx, seqs, unified, GgufTensorType.Q8_0, ContextSettings.FLASH_ON));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "n_ctx {0}, {1} seqs, unified {2}, {3} cache")
    @MethodSource("grid")
    void kvCacheFollowsTheRule(int nCtx, int seqs, boolean unified, GgufTensorType cache, int flash) {
        Allocation a = oracle.allocate(llama2, ContextSettings.of(nCtx).withSeqMax(seqs).withKvUnified(unified)
                .withCache(cache, cache).withFlashAttn(flash));

        assertThat(a.failure()).isEmpty();
        long padded = pad256(nCtx);
        long streams = unified ? 1 : seqs;
        long cells = unified ? padded : pad256(padded / seqs);
        long row = cache == GgufTensorType.F16 ? F16_ROW : Q8_0_ROW;
        assertThat(a.contextBytes()).isEqualTo(cells * streams * LAYERS * (row + row));
        if (nCtx == 5000 && seqs == 3 && !unified && cache == GgufTensorType.F16) {
            assertThat(a.contextBytes()).isEqualTo(2_818_572_288L); // 1792 cells × 3 streams × 32 × 16384
        }

        Matcher m = Pattern.compile("\\(\\s*(\\d+) cells,\\s*(\\d+) layers,\\s*(\\d+)/(\\d+) seqs\\)")
                .matcher(a.kvLines().stream().filter(l -> l.startsWith("llama_kv_cache: size =")).findFirst().orElseThrow());
        assertThat(m.find()).isTrue();
        assertThat(List.of(m.group(1), m.group(2), m.group(3), m.group(4)))
                .containsExactly(Long.toString(cells), "32", Integer.toString(seqs), Long.toString(streams));
    }

    @Test
    void reportsWhatLlamaCppRefuses() {
        Allocation a = oracle.allocate(llama2, ContextSettings.of(4096)
                .withCache(GgufTensorType.Q8_0, GgufTensorType.Q8_0).withFlashAttn(ContextSettings.FLASH_OFF));

        assertThat(a.failure()).hasValueSatisfying(why -> assertThat(why)
                .contains("refused the context").contains("quantized V cache requires flash_attn"));
        assertThat(a.buffers()).isEmpty();
        assertThat(a.modelBytes()).isEqualTo(13_477_363_712L);
    }

    /** 4 query heads over 3 KV heads: llama.cpp loads the model, then GGML_ASSERT aborts building the graph. */
    @Test
    void survivesAnAbort() {
        Path odd = new LlamaGguf(256, 2, 4, 3, 256, 320, 4096).writer().write(dir.resolve("odd-gqa.gguf"));

        Allocation a = oracle.allocate(odd, ContextSettings.of(512).withBatch(512, 512));

        assertThat(a.failure()).hasValueSatisfying(why -> assertThat(why)
                .contains("did not finish").contains("exit code 134").contains("GGML_ASSERT(ggml_can_mul_mat(k, q))"));
    }

    private static long pad256(long n) {
        return (n + 255) / 256 * 256;
    }
}
