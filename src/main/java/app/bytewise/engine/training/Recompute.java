package app.bytewise.engine.training;

import app.bytewise.engine.InvalidInputException;
import java.util.Locale;

/** Activation recomputation (Korthikanti et al. 2022, "Reducing Activation Recomputation in Large Transformer Models", §4–5). */
public enum Recompute {
    /** Store every activation of every layer. */
    NONE,
    /** Recompute only the attention core (scores, softmax, dropout), whose memory grows with s². */
    SELECTIVE,
    /** Store only each layer's input and recompute the layer in the backward pass. */
    FULL;

    public static Recompute parse(String id) {
        try {
            return valueOf(id == null ? "" : id.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("recompute", "recompute must be none, selective or full");
        }
    }
}
