package app.bytewise.drill.interview;

import app.bytewise.drill.Question;
import app.bytewise.drill.TemplateCatalog;
import app.bytewise.drill.Topic;
import app.bytewise.drill.scenario.ScenarioCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws an interview from its id: the topics in a seed-shuffled order, one question from each in turn
 * (so up to twelve questions never repeat a topic), either kind, then one scenario.
 */
public final class InterviewDraw {

    /** Seeds stay below 2^48, as the drill's, so ids stay short. */
    private static final long SEED_MASK = (1L << 48) - 1;

    private final TemplateCatalog catalog;
    private final ScenarioCatalog scenarios;

    public InterviewDraw(TemplateCatalog catalog, ScenarioCatalog scenarios) {
        this.catalog = catalog;
        this.scenarios = scenarios;
    }

    public Interview draw(InterviewId id) {
        SplittableRandom random = new SplittableRandom(id.seed());
        List<Topic> topics = new ArrayList<>(Arrays.asList(Topic.values()));
        for (int i = topics.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            topics.set(i, topics.set(j, topics.get(i)));
        }
        List<Question> questions = new ArrayList<>();
        for (int i = 0; questions.size() < id.plan().questions() && i < 4 * topics.size(); i++) {
            long seed = random.nextLong() & SEED_MASK;
            Optional<Question> q = catalog.draw(Set.of(topics.get(i % topics.size())), Optional.empty(),
                    Optional.empty(), seed);
            q.filter(x -> questions.stream().noneMatch(y -> y.id().template().equals(x.id().template())))
                    .ifPresent(questions::add);
        }
        return new Interview(id, questions, scenarios.draw(random.nextLong() & SEED_MASK));
    }
}
