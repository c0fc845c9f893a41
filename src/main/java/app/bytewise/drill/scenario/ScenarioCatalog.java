package app.bytewise.drill.scenario;

import app.bytewise.drill.template.DrillContext;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Every multi-step scenario template, found by id. */
public final class ScenarioCatalog {

    private final List<ScenarioTemplate> templates;

    public ScenarioCatalog(DrillContext context) {
        templates = List.of(new DeployStepsTemplate(context), new TrainingStepsTemplate(context));
    }

    public List<ScenarioTemplate> all() {
        return templates;
    }

    public Optional<ScenarioTemplate> find(String id) {
        return templates.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Regenerates exactly the scenario an id names, if its template exists. */
    public Optional<StepScenario> scenario(ScenarioId id) {
        return find(id.template()).map(t -> t.draw(id.seed()));
    }

    /** A scenario of any template: the seed picks the template, then draws it. */
    public StepScenario draw(long seed) {
        return templates.get(new SplittableRandom(seed).nextInt(templates.size())).draw(seed);
    }
}
