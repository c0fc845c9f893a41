package app.bytewise.engine.catalog;

import app.bytewise.engine.model.Model;
import tools.jackson.databind.JsonNode;

/**
 * A catalog model: its real {@code config.json}, the model the engine reads from it, and the
 * published parameter count it must match (null where no exact count is published).
 */
public record CatalogModel(String id, String name, String huggingFace, Long publishedParameters,
        String publishedSource, JsonNode config, Model model) {
}
