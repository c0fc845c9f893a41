package app.bytewise.engine;

import app.bytewise.engine.model.Model;
import java.util.Locale;
import java.util.Optional;

/**
 * A model is made for the context its config declares ({@code max_position_embeddings},
 * {@code n_positions}); memory can be computed beyond it, but the model would not work there, so the
 * estimate says so.
 */
public final class ContextLimit {

    private ContextLimit() {
    }

    public static Optional<String> warning(Model model, long tokens) {
        long limit = model.contextLimit();
        if (limit <= 0 || tokens <= limit) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "WARNING: %,d tokens is beyond %s's context of %,d tokens "
                + "(max_position_embeddings): the memory is computed, but the model is not made to run there.",
                tokens, model.name(), limit));
    }
}
