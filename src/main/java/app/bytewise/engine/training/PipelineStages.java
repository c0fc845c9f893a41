package app.bytewise.engine.training;

import app.bytewise.engine.Step;
import app.bytewise.engine.Step.Input;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.TensorGroup;
import app.bytewise.engine.model.TensorRole;
import java.util.List;
import java.util.Locale;

/**
 * Parameters on the first and the last pipeline stage. The stages share the transformer layers evenly,
 * but the input embedding (and a vision tower) sits on the first and the output layer on the last;
 * with tied embeddings the last stage holds its own copy of the embedding matrix for the output layer,
 * its gradient all-reduced with the first's. So Megatron-LM counts the most loaded shard
 * ({@code compute_weight_and_optimizer_memory}, {@code megatron/training/theoretical_memory_usage.py}: "1/pp_size
 * transformer layers + 1 embedding layer"), which this reproduces for dense models; the layers of a model
 * whose blocks differ are split by parameter count, as if evenly.
 *
 * @param first parameters on the first stage
 * @param last parameters on the last stage
 */
public record PipelineStages(int stages, long first, long last) {

    public long busiest() {
        return Math.max(first, last);
    }

    /** The stages of {@code model} (which must have its tensors) over {@code p ≥ 2} stages. */
    public static PipelineStages of(Model model, int p) {
        long input = 0;
        long output = 0;
        long tokenEmbedding = 0;
        for (TensorGroup g : model.tensorGroups()) {
            TensorRole role = g.first().role();
            long n = Math.multiplyExact(g.first().elements(), (long) g.layers() * g.experts());
            switch (role) {
                case TOKEN_EMBEDDING -> {
                    input += n;
                    tokenEmbedding += n;
                }
                case POSITION_EMBEDDING, EMBEDDING_PROJECTION, VISION -> input += n;
                case OUTPUT -> output += n;
                default -> {
                }
            }
        }
        long head = output > 0 ? output : tokenEmbedding;
        long layers = Math.ceilDiv(model.parameters() - input - output, p);
        return new PipelineStages(p, layers + input, layers + head);
    }

    public Step step() {
        boolean firstBusier = first >= last;
        return new Step("pipelineStages", "Parameters on the busiest pipeline stage",
                "max(first, last): layers / p + embeddings on the first, layers / p + output layer on the last",
                List.of(Input.of("p", stages, "stages"), Input.of("first", first, "parameters"),
                        Input.of("last", last, "parameters")),
                java.math.BigDecimal.valueOf(busiest()), "parameters",
                String.format(Locale.ROOT, "The %s stage holds the most; weights, gradients and optimizer state per GPU "
                        + "are counted for it (Megatron-LM's \"most loaded shard\").", firstBusier ? "first" : "last"));
    }
}
