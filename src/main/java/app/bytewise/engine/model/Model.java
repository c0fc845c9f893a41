package app.bytewise.engine.model;

import java.util.List;
import java.util.Optional;

/**
 * A model the engine can estimate: either a real architecture with its full tensor list, or a bare
 * parameter count ("a 7B model") for textbook questions, which supports weight and training-state
 * memory but nothing that needs the shape (KV cache, activations, per-tensor quantization mixes).
 *
 * @param notes caveats the estimate carries, e.g. an unknown {@code model_type} counted as Llama-like
 */
public record Model(String id, String name, Optional<Architecture> architecture, List<Tensor> tensors,
        long declaredParameters, List<String> notes) {

    public Model {
        tensors = List.copyOf(tensors);
        notes = List.copyOf(notes);
    }

    public static Model ofArchitecture(String id, String name, Architecture architecture, List<Tensor> tensors,
            List<String> notes) {
        return new Model(id, name, Optional.of(architecture), tensors, 0, notes);
    }

    public static Model ofParameterCount(long parameters) {
        if (parameters <= 0) {
            throw new app.bytewise.engine.InvalidInputException("model.parameterCount",
                    "The parameter count must be a positive integer.");
        }
        return new Model("params-" + parameters, String.format("%,d parameters", parameters), Optional.empty(),
                List.of(), parameters, List.of());
    }

    public boolean hasTensors() {
        return !tensors.isEmpty();
    }

    /** Every parameter, counted tensor by tensor (or the declared count of a bare-count model). */
    public long parameters() {
        return hasTensors() ? tensors.stream().mapToLong(Tensor::elements).sum() : declaredParameters;
    }

    /**
     * Parameters used for one token: all of a dense model; for a mixture of experts, everything
     * outside the experts plus {@code expertsPerToken} of the {@code experts} in each layer.
     */
    public long activeParameters() {
        Architecture arch = architecture.orElse(null);
        if (arch == null || !arch.isMoe()) {
            return parameters();
        }
        long shared = tensors.stream().filter(t -> !t.isExpert()).mapToLong(Tensor::elements).sum();
        long expertElements = tensors.stream().filter(Tensor::isExpert).mapToLong(Tensor::elements).sum();
        // Experts in a layer are the same size, so the active share is exact.
        return shared + expertElements / arch.experts() * arch.expertsPerToken();
    }

    public Architecture requireArchitecture(String purpose) {
        return architecture.orElseThrow(() -> new app.bytewise.engine.InvalidInputException("model",
                purpose + " needs the model's architecture; a bare parameter count does not say it. "
                        + "Choose a catalog model or paste its config.json."));
    }
}
