package app.bytewise.engine.catalog;

import app.bytewise.engine.model.Model;
import tools.jackson.databind.JsonNode;

/**
 * A catalog model: its real {@code config.json}, the model the engine reads from it, and the
 * published parameter count it must match (null where no count is published).
 *
 * @param publishedRoundedTo the unit the published count is rounded to (DeepSeek-V3's "671B": 10^9),
 *     1 for an exact count
 */
public record CatalogModel(String id, String name, String huggingFace, Long publishedParameters,
        String publishedSource, JsonNode config, Model model, long publishedRoundedTo) {

    public CatalogModel(String id, String name, String huggingFace, Long publishedParameters, String publishedSource,
            JsonNode config, Model model) {
        this(id, name, huggingFace, publishedParameters, publishedSource, config, model, 1);
    }

    /** Whether our count is the published one: equal, or equal once rounded as the publisher rounded it. */
    public boolean matchesPublished() {
        if (publishedParameters == null) {
            return true;
        }
        long difference = Math.abs(model.parameters() - publishedParameters);
        return publishedRoundedTo <= 1 ? difference == 0 : 2 * difference <= publishedRoundedTo;
    }
}
