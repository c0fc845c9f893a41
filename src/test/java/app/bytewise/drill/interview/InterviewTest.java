package app.bytewise.drill.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.drill.Grader;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.TemplateCatalog;
import app.bytewise.drill.Lessons;
import app.bytewise.drill.scenario.ScenarioCatalog;
import app.bytewise.drill.template.DrillContext;
import app.bytewise.engine.InvalidInputException;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drawing an interview from its id, and marking it: per topic, misconceptions with lessons, blanks. */
class InterviewTest {

    private static InterviewDraw draw;
    private static final InterviewMarking MARKING = new InterviewMarking(Grader.DEFAULT);

    @BeforeAll
    static void load() {
        DrillContext context = DrillContext.load();
        draw = new InterviewDraw(new TemplateCatalog(context), new ScenarioCatalog(context));
    }

    static String right(Question q) {
        return q.kind() == QuestionKind.CHOICE ? q.correctOption().orElseThrow().id() : q.numeric().orElseThrow().expected();
    }

    @Test
    void anIdNamesItsPlanAndSeedAndOnlyOfferedPlansParse() {
        InterviewId id = InterviewId.parse("8q20m.1f");
        assertThat(id).isEqualTo(new InterviewId(new InterviewPlan(8, 20), 31));
        assertThat(id.toString()).isEqualTo("8q20m.1f");
        assertThatThrownBy(() -> InterviewId.parse("9q20m.1f")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("[4, 8, 12]");
        assertThatThrownBy(() -> InterviewId.parse("8q20m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InterviewPlan(8, 600)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void eightQuestionsFromEightTopicsAndAScenarioTheSameForTheSameId() {
        InterviewId id = new InterviewId(InterviewPlan.STANDARD, 424242);
        Interview a = draw.draw(id);
        assertThat(a.questions()).hasSize(8);
        assertThat(a.questions().stream().map(Question::topic).distinct()).hasSize(8);
        assertThat(a.scenario().steps()).hasSizeGreaterThanOrEqualTo(4);
        Interview b = draw.draw(id);
        assertThat(b.questions()).extracting(q -> q.id().toString())
                .containsExactlyElementsOf(a.questions().stream().map(q -> q.id().toString()).toList());
        assertThat(b.scenario().id()).isEqualTo(a.scenario().id());
        assertThat(draw.draw(new InterviewId(new InterviewPlan(12, 30), 1)).questions()).hasSize(12);
    }

    @Test
    void allRightScoresEveryItemPerTopic() {
        Interview iv = draw.draw(new InterviewId(new InterviewPlan(4, 10), 99));
        Map<String, String> answers = new LinkedHashMap<>();
        iv.questions().forEach(q -> answers.put(q.id().toString(), right(q)));
        List<String> steps = iv.scenario().steps().stream().map(s -> right(s.question())).toList();
        InterviewReport r = MARKING.report(iv, new InterviewAnswers(answers, steps), false);
        int items = 4 + iv.scenario().steps().size();
        assertThat(r.items()).isEqualTo(items);
        assertThat(r.points()).isEqualTo(items);
        assertThat(r.blanks()).isZero();
        assertThat(r.misconceptions()).isEmpty();
        assertThat(r.topics().stream().mapToInt(TopicScore::items).sum()).isEqualTo(items);
        assertThat(r.topics()).allSatisfy(t -> assertThat(t.points()).isEqualTo(t.items()));
        assertThat(r.topics()).anySatisfy(t -> assertThat(t.topic()).isEqualTo(iv.scenario().topic()));
        assertThat(r.results()).allSatisfy(x -> assertThat(x.status()).isEqualTo(ItemResult.Status.RIGHT));
    }

    @Test
    void timeRunningOutLeavesTheRestBlankWithTheirSolutions() {
        Interview iv = draw.draw(new InterviewId(InterviewPlan.STANDARD, 7));
        Question first = iv.questions().getFirst();
        InterviewReport r = MARKING.report(iv, new InterviewAnswers(Map.of(first.id().toString(), right(first)),
                List.of()), true);
        assertThat(r.timedOut()).isTrue();
        assertThat(r.points()).isEqualTo(1.0);
        assertThat(r.blanks()).isEqualTo(r.items() - 1);
        ItemResult blank = r.results().get(1);
        assertThat(blank.status()).isEqualTo(ItemResult.Status.BLANK);
        assertThat(blank.expected()).isNotBlank();
        assertThat(blank.solution().steps().size() + blank.solution().takeaway().length()).isPositive();
    }

    /** A scenario step answered with the forgotten factor 2 shows up as that misconception, linked to its lesson. */
    @Test
    void misconceptionsAreListedWithTheLessonsOfTheirTopics() {
        Interview iv = java.util.stream.LongStream.range(0, 100)
                .mapToObj(seed -> draw.draw(new InterviewId(new InterviewPlan(4, 10), seed)))
                .filter(c -> c.scenario().steps().get(1).key().equals("kvCache")).findFirst().orElseThrow();
        Question kv = iv.scenario().steps().get(1).question();
        String half = kv.distractors().get(Misconception.KV_NO_FACTOR_TWO)
                .divide(kv.numeric().orElseThrow().unit().factor(), MathContext.DECIMAL64).toPlainString();
        List<String> steps = new ArrayList<>(List.of("", half));
        InterviewReport r = MARKING.report(iv, new InterviewAnswers(Map.of(), steps), false);
        assertThat(r.misconceptions()).singleElement().satisfies(m -> {
            assertThat(m.misconception()).isEqualTo(Misconception.KV_NO_FACTOR_TWO);
            assertThat(m.times()).isEqualTo(1);
            assertThat(m.lessons()).containsExactly(Lessons.of(iv.scenario().topic()));
        });
        ItemResult wrong = r.results().get(iv.questions().size() + 1);
        assertThat(wrong.status()).isEqualTo(ItemResult.Status.WRONG);
        assertThat(wrong.label()).endsWith("step 2: KV cache");
        assertThat(wrong.misconception()).contains(Misconception.KV_NO_FACTOR_TWO);
        assertThat(r.points()).isZero();
    }

    @Test
    void answersAreBoundedAndMustBelongToTheInterview() {
        Interview iv = draw.draw(new InterviewId(new InterviewPlan(4, 10), 3));
        assertThatThrownBy(() -> MARKING.report(iv, new InterviewAnswers(Map.of("kv-cache-mha.c.1", "A"), List.of()), false))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("answers.kv-cache-mha.c.1"));
        assertThatThrownBy(() -> new InterviewAnswers(Map.of(), List.of("9".repeat(201))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("200 characters");
        assertThatThrownBy(() -> new InterviewAnswers(Map.of(), java.util.Collections.nCopies(9, "1")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(new InterviewAnswers(null, null).steps()).isEmpty();
        assertThat(Optional.of(iv.questions().size())).contains(4);
    }
}
