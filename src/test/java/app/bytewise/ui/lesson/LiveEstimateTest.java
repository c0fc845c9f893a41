package app.bytewise.ui.lesson;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.catalog.ModelCatalog;
import app.bytewise.engine.inference.KvFormat;
import app.bytewise.engine.training.AttentionKernel;
import app.bytewise.ui.KaribuTestBase;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The lessons' calculators have the controls their texts name, and show names, not ids. */
class LiveEstimateTest extends KaribuTestBase {

    @Autowired
    private ModelCatalog models;
    @Autowired
    private GpuCatalog gpus;

    private LiveEstimate open(Map<String, String> settings) {
        openAnonymously();
        LiveEstimate live = new LiveEstimate(models, gpus, settings);
        UI.getCurrent().add(live);
        return live;
    }

    @SuppressWarnings("unchecked")
    @Test
    void theKvCacheLessonsFp8SwitchHalvesTheCache() {
        // Llama-2-7B, 8 × 4,096 tokens: 2 × 32 layers × 4,096 channels × 32,768 tokens × 2 bytes = 16 GiB.
        LiveEstimate live = open(Map.of("model", "llama-2-7b", "mode", "inference", "weights", "fp16",
                "kvCache", "fp16", "context", "4096", "batch", "8"));
        assertThat(live.resultText()).contains("KV cache17.18 GB (16.00 GiB)").doesNotContain("kvCache");
        ComboBox<KvFormat> cache = _get(live, ComboBox.class, spec -> spec.withLabel("KV cache"));
        assertThat(cache.getItemLabelGenerator().apply(KvFormat.FP8)).isEqualTo("FP8");
        assertThat(cache.getItemLabelGenerator().apply(KvFormat.parse("int4"))).isEqualTo("INT4 (KIVI)");
        cache.setValue(KvFormat.FP8);
        assertThat(live.resultText()).contains("KV cache8.59 GB (8.00 GiB)");
        ComboBox<String> weights = _get(live, ComboBox.class, spec -> spec.withLabel("Weights"));
        assertThat(weights.getItemLabelGenerator().apply("gguf:Q4_K_M")).isEqualTo("GGUF Q4_K_M");
    }

    @SuppressWarnings("unchecked")
    @Test
    void theFlashAttentionLessonSwitchesTheAttentionImplementation() {
        LiveEstimate live = open(Map.of("model", "llama-2-7b", "mode", "training", "attention", "eager-fp32-softmax",
                "context", "4096", "batch", "1"));
        String eager = live.resultText();
        ComboBox<AttentionKernel> attention = _get(live, ComboBox.class, spec -> spec.withLabel("Attention"));
        assertThat(attention.getItemLabelGenerator().apply(AttentionKernel.FLASH))
                .isEqualTo("FlashAttention / SDPA (no s × s scores)");
        attention.setValue(AttentionKernel.FLASH);
        String flash = live.resultText();
        assertThat(flash).isNotEqualTo(eager).contains("Activations").contains("Output layer and loss activations");
        // Eager keeps 6 bytes per score (FP32 softmax and its 16-bit copy) × 32 heads × 4,096² × 32 layers;
        // FlashAttention keeps only the 4-byte log-sum-exp per head and token (the lesson's table).
        long saved = 6L * 32 * 4096 * 4096 * 32 - 4L * 32 * 4096 * 32;
        assertThat(activations(eager) - activations(flash)).isCloseTo(saved, within(10_000_000L));
    }

    @Test
    void inferenceHasAFlashAttentionToggleAndAClearedChoiceKeepsTheLastResult() {
        LiveEstimate live = open(Map.of("model", "llama-2-7b", "mode", "inference", "context", "4096"));
        Checkbox flash = _get(live, Checkbox.class, spec -> spec.withLabel("FlashAttention"));
        assertThat(flash.getValue()).isTrue();
        String before = live.resultText();
        ComboBox<?> weights = _get(live, ComboBox.class, spec -> spec.withLabel("Weights"));
        weights.clear();
        assertThat(weights.isInvalid()).isTrue();
        assertThat(live.resultText()).isEqualTo(before);
    }

    /** The Activations line's bytes as shown, to the 10 MB its two decimals of GB carry. */
    private static long activations(String text) {
        int at = text.indexOf("Activations") + "Activations".length();
        String gb = text.substring(at, text.indexOf(" GB", at));
        return Math.round(Double.parseDouble(gb) * 1e9);
    }
}
