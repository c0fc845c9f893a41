package app.bytewise.engine.catalog;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.model.ModelReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Real models shipped as their real {@code config.json} fields, one file each under
 * {@code catalog/models/}, listed in {@code catalog/models/index.json}.
 */
public final class ModelCatalog {

    private final List<CatalogModel> models;

    private ModelCatalog(List<CatalogModel> models) {
        this.models = List.copyOf(models);
    }

    public static ModelCatalog load() {
        List<CatalogModel> models = new ArrayList<>();
        for (JsonNode id : CatalogJson.read("catalog/models/index.json")) {
            models.add(read(CatalogJson.read("catalog/models/" + id.stringValue() + ".json")));
        }
        return new ModelCatalog(models);
    }

    static CatalogModel read(JsonNode file) {
        String id = file.get("id").stringValue();
        String name = file.get("name").stringValue();
        JsonNode published = file.get("publishedParameters");
        JsonNode config = file.get("config");
        return new CatalogModel(id, name, file.path("huggingFace").asString(""),
                published == null || published.isNull() ? null : published.longValue(),
                file.path("publishedSource").asString(""), config,
                ModelReader.read(id, name, config, "config"), file.path("publishedRoundedTo").asLong(1));
    }

    public List<CatalogModel> all() {
        return models;
    }

    public Optional<CatalogModel> find(String id) {
        return models.stream().filter(m -> m.id().equalsIgnoreCase(id)).findFirst();
    }

    /** Up to {@code limit} catalog models with ids close to {@code id}, closest first. */
    public List<CatalogModel> similar(String id, int limit) {
        return SimilarIds.closest(id, models, CatalogModel::id, limit);
    }

    public CatalogModel require(String id, String field) {
        return find(id).orElseThrow(() -> new InvalidInputException(field,
                "Unknown model '" + id + "'. See GET /api/v1/models for the catalog."));
    }
}
