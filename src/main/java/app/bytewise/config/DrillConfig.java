package app.bytewise.config;

import app.bytewise.drill.Grader;
import app.bytewise.drill.TemplateCatalog;
import app.bytewise.drill.template.DrillContext;
import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.catalog.ModelCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The drill engine's templates, built once over the shared catalogs. */
@Configuration
class DrillConfig {

    @Bean
    TemplateCatalog templateCatalog(ModelCatalog models, GpuCatalog gpus) {
        return new TemplateCatalog(new DrillContext(models, gpus));
    }

    @Bean
    Grader grader() {
        return Grader.DEFAULT;
    }
}
