package app.bytewise.drill;

/** The lesson that teaches each topic, as a path in the app. */
public final class Lessons {

    private Lessons() {
    }

    public static String of(Topic topic) {
        return "/lessons/" + switch (topic) {
            case PRECISION_FORMATS -> "precision-formats";
            case WEIGHT_MEMORY -> "weight-memory";
            case KV_CACHE, KV_QUANTIZATION -> "kv-cache";
            case INFERENCE_FIT, ACTIVATIONS -> "activations-and-inference";
            case TRAINING_MEMORY -> "training-memory";
            case ZERO -> "zero";
            case PARALLELISM -> "parallelism";
            case QUANTIZATION_METHODS -> "quantization-methods";
            case FLASH_ATTENTION -> "flashattention";
            case DECODE_SPEED -> "choosing-a-gpu";
        };
    }
}
