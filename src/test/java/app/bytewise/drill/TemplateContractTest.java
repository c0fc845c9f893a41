package app.bytewise.drill;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.template.DrillContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every template keeps: same seed, same question; many seeds, many questions; the
 * answer grades correct; every distractor grades wrong and is diagnosed with its misconception.
 */
class TemplateContractTest {

    private static final TemplateCatalog CATALOG = new TemplateCatalog(DrillContext.load());

    static Stream<QuestionTemplate> templates() {
        return CATALOG.all().stream();
    }

    static Stream<QuestionTemplate> numericTemplates() {
        return CATALOG.all().stream().filter(QuestionTemplate::numeric);
    }

    @ParameterizedTest
    @MethodSource("templates")
    void sameSeedSameQuestion(QuestionTemplate t) {
        for (long seed : List.of(1L, 42L, 0xFFFFFFFFL)) {
            Question a = t.generate(seed, QuestionKind.CHOICE);
            Question b = t.generate(seed, QuestionKind.CHOICE);
            assertThat(a.text()).isEqualTo(b.text());
            assertThat(a.options()).isEqualTo(b.options());
            assertThat(CATALOG.question(QuestionId.parse(a.id().toString())).orElseThrow().options()).isEqualTo(a.options());
        }
    }

    @ParameterizedTest
    @MethodSource("numericTemplates")
    void hundredSeedsGiveManyQuestions(QuestionTemplate t) {
        Set<String> texts = new HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            texts.add(t.generate(seed, QuestionKind.NUMERIC).text());
        }
        assertThat(texts.size()).as(t.id()).isGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest
    @MethodSource("templates")
    void choiceOptionsGradeAsTheySay(QuestionTemplate t) {
        for (long seed = 0; seed < 200; seed++) {
            Question q = t.generate(seed, QuestionKind.CHOICE);
            assertThat(q.options()).hasSizeBetween(4, 5);
            assertThat(q.options().stream().map(Option::text).distinct().count()).isEqualTo(q.options().size());
            assertThat(q.options().stream().filter(Option::correct).count()).isEqualTo(1);
            for (Option o : q.options()) {
                Grade g = Grader.DEFAULT.grade(q, o.id(), 1);
                assertThat(g.correct()).hasValue(o.correct());
                if (!o.correct()) {
                    assertThat(g.misconception()).as(t.id() + " " + o).hasValue(o.misconception());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("numericTemplates")
    void typedAnswersAndMisconceptionsAreRecognised(QuestionTemplate t) {
        for (long seed = 0; seed < 100; seed++) {
            Question q = t.generate(seed, QuestionKind.NUMERIC);
            NumericAnswer answer = q.numeric().orElseThrow();
            assertThat(Grader.DEFAULT.grade(q, answer.expected(), 1).correct()).as(q.text()).hasValue(true);
            Question choice = t.generate(seed, QuestionKind.CHOICE);
            for (Option o : choice.options()) {
                if (o.correct()) {
                    continue;
                }
                Grade g = Grader.DEFAULT.grade(q, o.text(), 1);
                assertThat(g.correct()).as(q.text() + " typed " + o.text()).hasValue(false);
                assertThat(g.misconception()).as(q.text() + " typed " + o.text()).hasValue(o.misconception());
            }
        }
    }
}
