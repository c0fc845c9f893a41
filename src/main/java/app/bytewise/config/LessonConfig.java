package app.bytewise.config;

import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.catalog.ModelCatalog;
import app.bytewise.lesson.Directives;
import app.bytewise.lesson.LessonLibrary;
import app.bytewise.lesson.LessonRenderer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lessons, loaded once, and their renderer over the engine's catalogs. */
@Configuration
class LessonConfig {

    @Bean
    LessonLibrary lessonLibrary() {
        return LessonLibrary.load();
    }

    @Bean
    LessonRenderer lessonRenderer(ModelCatalog models, GpuCatalog gpus) {
        return new LessonRenderer(new Directives(models, gpus));
    }
}
