package app.bytewise.drill;

import java.util.Locale;

/**
 * The skills a learner can master. Every question template belongs to exactly one topic, and
 * mastery is tracked per topic.
 */
public enum Topic {
    PRECISION_FORMATS("Precision formats & bytes"),
    WEIGHT_MEMORY("Weight memory"),
    KV_CACHE("KV cache (GQA/MQA)"),
    INFERENCE_FIT("Inference total & does it fit"),
    ACTIVATIONS("Activations"),
    TRAINING_MEMORY("Training memory & optimizers"),
    ZERO("ZeRO stages"),
    PARALLELISM("Tensor, pipeline & data parallelism"),
    QUANTIZATION_METHODS("Quantization methods"),
    KV_QUANTIZATION("KV-cache quantization"),
    FLASH_ATTENTION("FlashAttention & the memory hierarchy"),
    DECODE_SPEED("Decode speed & GPU selection");

    private final String title;

    Topic(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The topic's id in links, files and exports: "kv-cache" for KV_CACHE. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
