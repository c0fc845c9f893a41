package app.bytewise.engine;

import app.bytewise.engine.catalog.ModelCatalog;
import app.bytewise.engine.model.Model;

/** Catalog models for tests, loaded once. */
public final class TestModels {

    public static final ModelCatalog CATALOG = ModelCatalog.load();

    private TestModels() {
    }

    public static Model model(String id) {
        return CATALOG.find(id).orElseThrow().model();
    }
}
