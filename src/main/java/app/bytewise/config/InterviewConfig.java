package app.bytewise.config;

import app.bytewise.drill.Grader;
import app.bytewise.drill.TemplateCatalog;
import app.bytewise.drill.interview.InterviewDraw;
import app.bytewise.drill.interview.InterviewMarking;
import app.bytewise.drill.scenario.ScenarioCatalog;
import app.bytewise.drill.scenario.ScenarioGrader;
import app.bytewise.drill.template.DrillContext;
import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.catalog.ModelCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The multi-step scenarios and the mock interview, over the same catalogs and grader as the drill. */
@Configuration
class InterviewConfig {

    @Bean
    ScenarioCatalog scenarioCatalog(ModelCatalog models, GpuCatalog gpus) {
        return new ScenarioCatalog(new DrillContext(models, gpus));
    }

    @Bean
    ScenarioGrader scenarioGrader(Grader grader) {
        return new ScenarioGrader(grader);
    }

    @Bean
    InterviewDraw interviewDraw(TemplateCatalog catalog, ScenarioCatalog scenarios) {
        return new InterviewDraw(catalog, scenarios);
    }

    @Bean
    InterviewMarking interviewMarking(Grader grader) {
        return new InterviewMarking(grader);
    }
}
