package app.bytewise.config;

import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.catalog.ModelCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's catalogs, loaded once from the classpath and shared by the UI and the API. */
@Configuration
class CatalogConfig {

    @Bean
    ModelCatalog modelCatalog() {
        return ModelCatalog.load();
    }

    @Bean
    GpuCatalog gpuCatalog() {
        return GpuCatalog.load();
    }
}
