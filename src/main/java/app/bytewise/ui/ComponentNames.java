package app.bytewise.ui;

/**
 * What a reader calls each part of a memory estimate. The engine keys its components for the API
 * ({@code kvCache}, {@code gatheredParameters}); pages show these names instead.
 */
public final class ComponentNames {

    private ComponentNames() {
    }

    public static String of(String key) {
        return switch (key) {
            case "weights" -> "Weights";
            case "kvCache" -> "KV cache";
            case "activations" -> "Activations";
            case "outputActivations" -> "Output layer and loss activations";
            case "gradients" -> "Gradients";
            case "optimizer" -> "Optimizer state";
            case "gatheredParameters" -> "Gathered parameters (ZeRO-3)";
            case "zeroBuffers" -> "ZeRO buckets and prefetch";
            case "overhead" -> "Overhead";
            default -> throw new IllegalArgumentException("No name for the memory component '" + key + "'");
        };
    }
}
