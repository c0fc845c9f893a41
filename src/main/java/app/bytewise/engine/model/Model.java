package app.bytewise.engine.model;

import java.util.List;
import java.util.Optional;

/**
 * A model the engine can estimate: either a real architecture with its tensor list, or a bare
 * parameter count ("a 7B model") for textbook questions, which supports weight and training-state
 * memory but nothing that needs the shape (KV cache, activations, per-tensor quantization mixes).
 * The tensors are held as {@link TensorGroup}s, a block's tensors once for all its layers.
 *
 * @param notes caveats the estimate carries, e.g. an unknown {@code model_type} counted as Llama-like
 * @param checkpoint how the published checkpoint stores the model, known when it was read from a config.json
 */
public record Model(String id, String name, Optional<Architecture> architecture, List<TensorGroup> tensorGroups,
        long declaredParameters, List<String> notes, Optional<Checkpoint> checkpoint) {

    /**
     * 10^15 parameters: over 500× the largest published models (Switch-C 1.6T, Kimi K2 1.04T), and
     * small enough that 16 bytes of training state per parameter still fit a {@code long}.
     */
    public static final long MAX_PARAMETERS = 1_000_000_000_000_000L;

    /** How the note of a model counted as a family it is not (asked for by the user) begins. */
    public static final String GUESS = "GUESS: ";

    public Model {
        tensorGroups = List.copyOf(tensorGroups);
        notes = List.copyOf(notes);
    }

    /** A model whose checkpoint is not described (built in code, or a bare parameter count). */
    public Model(String id, String name, Optional<Architecture> architecture, List<TensorGroup> tensorGroups,
            long declaredParameters, List<String> notes) {
        this(id, name, architecture, tensorGroups, declaredParameters, notes, Optional.empty());
    }

    /** This model with its checkpoint described. */
    public Model withCheckpoint(Checkpoint described) {
        return new Model(id, name, architecture, tensorGroups, declaredParameters, notes, Optional.of(described));
    }

    public static Model ofGroups(String id, String name, Architecture architecture, List<TensorGroup> groups,
            List<String> notes) {
        return new Model(id, name, Optional.of(architecture), groups, 0, notes);
    }

    /** A model of single tensors, each on its own. */
    public static Model ofArchitecture(String id, String name, Architecture architecture, List<Tensor> tensors,
            List<String> notes) {
        return ofGroups(id, name, architecture, tensors.stream().map(TensorGroup::of).toList(), notes);
    }

    public static Model ofParameterCount(long parameters) {
        if (parameters <= 0 || parameters > MAX_PARAMETERS) {
            throw new app.bytewise.engine.InvalidInputException("model.parameterCount",
                    "The parameter count must be a positive integer up to 10^15 (1,000,000,000,000,000).");
        }
        return new Model("params-" + parameters, String.format("%,d parameters", parameters), Optional.empty(),
                List.of(), parameters, List.of());
    }

    /** Counted as another family on the user's request: every figure is a guess. */
    public boolean isGuess() {
        return notes.stream().anyMatch(n -> n.startsWith(GUESS));
    }

    /** The context the model is made for ({@code max_position_embeddings}), 0 when unknown or shapeless. */
    public long contextLimit() {
        return architecture.map(Architecture::maxPositions).orElse(0L);
    }

    public boolean hasTensors() {
        return !tensorGroups.isEmpty();
    }

    /** Every tensor one by one, in checkpoint order: for display and inspection, as estimates use the groups. */
    public List<Tensor> tensors() {
        return TensorGroup.expand(tensorGroups);
    }

    /** How many tensors the checkpoint holds. */
    public long tensorCount() {
        long count = 0;
        for (TensorGroup g : tensorGroups) {
            count = Math.addExact(count, g.copies());
        }
        return count;
    }

    /** Every parameter, counted group by group (or the declared count of a bare-count model). */
    public long parameters() {
        return hasTensors() ? elements(false) + elements(true) : declaredParameters;
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
        // Experts in a layer are the same size, so the active share is exact.
        return elements(false) + elements(true) / arch.experts() * arch.expertsPerToken();
    }

    private long elements(boolean experts) {
        long sum = 0;
        for (TensorGroup g : tensorGroups) {
            if (g.first().isExpert() == experts) {
                sum = Math.addExact(sum, g.elements());
            }
        }
        return sum;
    }

    public Architecture requireArchitecture(String purpose) {
        return architecture.orElseThrow(() -> new app.bytewise.engine.InvalidInputException("model",
                purpose + " needs the model's architecture; a bare parameter count does not say it. "
                        + "Choose a catalog model or paste its config.json."));
    }
}
