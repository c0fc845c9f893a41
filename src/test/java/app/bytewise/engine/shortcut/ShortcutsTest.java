package app.bytewise.engine.shortcut;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.engine.MemoryEstimate;
import app.bytewise.engine.TestModels;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.inference.InferenceEstimator;
import app.bytewise.engine.inference.InferenceRequest;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.training.Optimizer;
import app.bytewise.engine.training.TrainingEstimator;
import app.bytewise.engine.training.TrainingRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShortcutsTest {

    @Test
    void namesGiveNominalCounts() {
        assertThat(Shortcuts.nominalParameters("Llama-2-7B")).hasValue(7_000_000_000L);
        assertThat(Shortcuts.nominalParameters("Mixtral-8x7B-v0.1")).hasValue(56_000_000_000L);
        assertThat(Shortcuts.nominalParameters("Llama-3.2-1B")).hasValue(1_000_000_000L);
        assertThat(Shortcuts.nominalParameters("gemma-2-2b")).hasValue(2_000_000_000L);
        assertThat(Shortcuts.nominalParameters("gpt2")).isEmpty();
    }

    @Test
    void inferenceShortcutsReproduceTheErrata() {
        Model llama = TestModels.model("llama-2-70b");
        InferenceRequest request = InferenceRequest.of(llama, Formats.parse("fp16")).withContext(32_768, 1);
        MemoryEstimate correct = InferenceEstimator.memory(request);
        List<ShortcutFigure> figures = Shortcuts.forInference(request, correct);
        // Attention heads instead of KV heads: 85.9 GB instead of 10.7 GB (ERRATA 6).
        assertThat(figure(figures, Shortcut.KV_ATTENTION_HEADS)).isEqualTo(85_899_345_920L);
        assertThat(figure(figures, Shortcut.KV_NO_FACTOR_TWO)).isEqualTo(5_368_709_120L);
        // "70B" × 2 bytes = 140 GB instead of 137.95 GB.
        assertThat(figure(figures, Shortcut.NOMINAL_PARAMETER_COUNT)).isEqualTo(140_000_000_000L);
        assertThat(figure(figures, Shortcut.FORGOT_KV_CACHE)).isEqualTo(correct.totalBytes() - 10_737_418_240L);
    }

    @Test
    void trainingShortcuts() {
        TrainingRequest request = TrainingRequest.of(Model.ofParameterCount(7_000_000_000L), Optimizer.ADAMW_MIXED);
        List<ShortcutFigure> figures = Shortcuts.forTraining(request, TrainingEstimator.estimate(request));
        assertThat(figure(figures, Shortcut.ADAM_TEN_BYTES)).isEqualTo(70_000_000_000L);
        // 112 GB of model states read as 112/2^30 "GB" = 104.3 "GB".
        assertThat(figure(figures, Shortcut.GIB_CALLED_GB)).isEqualTo(104_308_128_356L);

        TrainingRequest zero3 = TrainingRequest.of(Model.ofParameterCount(7_500_000_000L), Optimizer.ADAMW_MIXED)
                .withZero(3, 64);
        // The "16×" shortcut says 7.5 GB; the paper's Figure 1 says 1.9 GB for N_d = 64.
        assertThat(figure(Shortcuts.forTraining(zero3, TrainingEstimator.estimate(zero3)), Shortcut.ZERO_FIXED_FACTORS))
                .isEqualTo(7_500_000_000L);
    }

    private static long figure(List<ShortcutFigure> figures, Shortcut shortcut) {
        return figures.stream().filter(f -> f.shortcut() == shortcut).findFirst().orElseThrow().bytes();
    }
}
