package app.bytewise.ui.lesson;

import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.catalog.ModelCatalog;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Builds the lessons' live examples over the shared catalogs. */
@Component
public class LiveExampleFactory {

    private final ModelCatalog models;
    private final GpuCatalog gpus;

    public LiveExampleFactory(ModelCatalog models, GpuCatalog gpus) {
        this.models = models;
        this.gpus = gpus;
    }

    public LiveEstimate create(Map<String, String> settings) {
        return new LiveEstimate(models, gpus, settings);
    }
}
