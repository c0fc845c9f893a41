package app.bytewise.drill.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.Grader;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.Option;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionKind;

/** The rules every scenario keeps, checked over many seeds. */
final class ScenarioContract {

    private ScenarioContract() {
    }

    static void check(ScenarioTemplate template, int seeds) {
        ScenarioGrader grader = new ScenarioGrader(Grader.DEFAULT);
        for (long seed = 0; seed < seeds; seed++) {
            StepScenario s = template.draw(seed);
            assertThat(s.premise()).doesNotContain("null");
            for (int i = 0; i < s.steps().size(); i++) {
                Question q = s.step(i).question();
                if (q.kind() == QuestionKind.NUMERIC) {
                    assertThat(grader.grade(s, i, q.numeric().orElseThrow().expected(), 1).grade().correct())
                            .as(s.id() + " step " + i).contains(true);
                    assertThat(q.distractors()).as(s.id() + " step " + i).isNotEmpty();
                    for (Misconception m : q.distractors().keySet()) {
                        assertThat(grader.grade(s, i, StepValues.typed(q, m), 1).grade().misconception())
                                .as(s.id() + " step " + i + " " + m).contains(m);
                    }
                } else {
                    assertThat(q.options().stream().filter(Option::correct)).as(s.id().toString()).hasSize(1);
                    for (Option o : q.options()) {
                        assertThat(o.correct() || o.misconception() != null && o.misconception() != Misconception.WRONG_OPTION)
                                .as(s.id() + " " + o).isTrue();
                    }
                }
            }
        }
    }
}
