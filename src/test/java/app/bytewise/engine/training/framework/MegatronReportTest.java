package app.bytewise.engine.training.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.catalog.ModelCatalog;
import app.bytewise.engine.model.Architecture;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Against Megatron-LM's own {@code report_theoretical_memory} (megatron/training/theoretical_memory_usage.py at
 * commit 1bcb3b9), run on the arguments of Megatron's example scripts; the expected lines are what it printed.
 * Llama 3 8B: {@code examples/llama/train_llama3_8b_h100_fp8.sh} (8 GPUs, TP 1, PP 1, sequence 8,192,
 * micro-batch 1, global batch 128, distributed optimizer, sequence parallelism, untied embeddings,
 * vocabulary 128,256). GPT-3 175B: {@code examples/gpt3/train_gpt3_175b_distributed.sh} (16 nodes of 8,
 * TP 8, PP 16, so N_d = 1; sequence 2,048, global batch 1,536, GPT-2's 50,257 tokens padded to 51,200).
 */
class MegatronReportTest {

    private static final Architecture LLAMA_3_8B = ModelCatalog.load().find("meta-llama-3-8b").orElseThrow().model()
            .architecture().orElseThrow();

    private static MegatronArgs llama3(int p, int dp, boolean selective) {
        return new MegatronArgs(32, 4096, 14336, 32, 8, 128, true, true, true, 128_256, 8192, 1, 1, p,
                OptionalInt.empty(), dp, true, true, selective, OptionalInt.of(128 / dp));
    }

    @Test
    void llama3ExampleAsMegatronPrintsIt() {
        // Without --recompute-granularity selective Megatron takes its "without SP" path, 5 % included.
        assertThat(MegatronReport.of(llama3(1, 8, false)).printed()).isEqualTo("Theoretical memory footprints: "
                + "weight and optimizer=57436.90 MB, activation=38761.87 MB, total=96198.77 MB");
        assertThat(MegatronReport.of(llama3(1, 8, true)).printed()).isEqualTo("Theoretical memory footprints: "
                + "weight and optimizer=57436.90 MB, activation=36936.06 MB, total=94372.97 MB");
    }

    @Test
    void theFirstPipelineStageHoldsTheEmbeddingBesideItsLayers() {
        MegatronReport r = MegatronReport.of(llama3(4, 2, true));
        // Megatron printed "most loaded shard in billions: 2.2702", "other shards in billions: 1.7449".
        assertThat(r.parametersOnMostLoadedShard() / 1e9).isBetween(2.27015, 2.27025);
        assertThat(r.parametersOnOtherShards() / 1e9).isBetween(1.74485, 1.74495);
        assertThat(r.printed()).isEqualTo("Theoretical memory footprints: "
                + "weight and optimizer=25980.76 MB, activation=32896.25 MB, total=58877.01 MB");
    }

    @Test
    void gpt3ExampleAsMegatronPrintsIt() {
        MegatronArgs gpt3 = new MegatronArgs(96, 12288, 4 * 12288, 96, 96, 128, false, false, false, 51_200, 2048, 1,
                8, 16, OptionalInt.empty(), 1, false, false, false, OptionalInt.of(1536));
        assertThat(MegatronReport.of(gpt3).printed()).isEqualTo("Theoretical memory footprints: "
                + "weight and optimizer=24683.09 MB, activation=31853.06 MB, total=56536.15 MB");
    }

    @Test
    void argumentsReadFromTheModelsConfigAreTheExampleScriptsOwn() {
        MegatronArgs fromConfig = MegatronArgs.of(LLAMA_3_8B, 8192, 1, 1, 1, OptionalInt.empty(), 8, true, true, true,
                OptionalInt.of(16));
        assertThat(fromConfig).isEqualTo(llama3(1, 8, true));
        // 8,030,261,248: the checkpoint's own count, so Megatron's formula and the config agree here.
        assertThat(MegatronReport.of(fromConfig).parametersOnMostLoadedShard()).isEqualTo(8_030_261_248.0);
    }

    @Test
    void anInterleavedScheduleHoldsMoreMicroBatches() {
        MegatronArgs plain = llama3(4, 2, true);
        MegatronArgs interleaved = new MegatronArgs(32, 4096, 14336, 32, 8, 128, true, true, true, 128_256, 8192, 1, 1,
                4, OptionalInt.of(2), 2, true, true, true, OptionalInt.of(64));
        // 1 + (p − 1)/(p·v) = 1 + 3/8
        assertThat(MegatronReport.of(interleaved).activationBytes() / MegatronReport.of(plain).activationBytes())
                .isCloseTo(1.375, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void refusesShapesItsParameterCountDoesNotDescribe() {
        Architecture mixtral = ModelCatalog.load().find("mixtral-8x7b-v0-1").orElseThrow().model().architecture()
                .orElseThrow();
        assertThatThrownBy(() -> MegatronArgs.of(mixtral, 4096, 1, 1, 1, OptionalInt.empty(), 8, true, true, true,
                OptionalInt.empty())).isInstanceOf(InvalidInputException.class).hasMessageContaining("mixture of experts");
    }
}
