package app.bytewise.ui.drill;

import app.bytewise.ui.StepsView;
import app.bytewise.ui.KaribuTestBase;
import app.bytewise.ui.StepsView;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NavigatorKt.expectView;
import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.Option;
import app.bytewise.drill.Question;
import app.bytewise.progress.ProgressService;
import app.bytewise.security.AccountService;
import app.bytewise.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.Topic;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;

class DrillViewTest extends KaribuTestBase {

    private DrillView open(String topic) {
        openAnonymously();
        UI.getCurrent().navigate("drill", QueryParameters.of("topic", topic));
        expectView(DrillView.class);
        return _get(DrillView.class);
    }

    @Test
    void startsOnTheTopicFromTheLessonAndGradesTheRightOption() {
        DrillView drill = open("kv-cache");
        assertThat(drill.current().topic()).isEqualTo(Topic.KV_CACHE);
        drill.answer(drill.current().correctOption().orElseThrow().id());
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().startsWith("Correct") && !p.getText().contains("Correct. Correct"));
        assertThat(_find(StepsView.class).size() + _find(Paragraph.class).size()).isPositive();
        assertThat(_get(Span.class, spec -> spec.withClasses("bw-score")).getText()).startsWith("Score 1.0 / 1");
    }

    @Test
    void aWrongOptionNamesItsMisconceptionAndASecondTryHalvesTheMark() {
        DrillView drill = open("training-memory");
        Option wrong = drill.current().options().stream().filter(o -> !o.correct()).findFirst().orElseThrow();
        drill.answer(wrong.id());
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().startsWith("Not this time."));
        // Every wrong option, bank ones included, names its mistake and links to the lesson teaching it.
        assertThat(wrong.misconception()).isNotEqualTo(app.bytewise.drill.Misconception.WRONG_OPTION);
        assertThat(_get(Span.class, spec -> spec.withClasses("bw-misconception")).getText())
                .contains(wrong.misconception().title());
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withText(
                "Lesson: " + wrong.misconception().topic().orElseThrow().title())).getHref())
                .isEqualTo(wrong.misconception().lesson());
        drill.answer(drill.current().correctOption().orElseThrow().id());
        assertThat(_get(Span.class, spec -> spec.withClasses("bw-score")).getText()).startsWith("Score 0.5 / 1");
    }

    @SuppressWarnings("unchecked")
    @Test
    void numericModeParsesTypedAnswers() {
        DrillView drill = open("zero");
        Select<QuestionKind> mode = _find(Select.class).stream().filter(s -> "Mode".equals(s.getLabel()))
                .findFirst().orElseThrow();
        mode.setValue(QuestionKind.NUMERIC);
        if (drill.current().kind() != QuestionKind.NUMERIC) {
            return; // this topic's draw was a conceptual question (choice only)
        }
        drill.answer("lots");
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().contains("does not start with a number"));
        drill.answer(drill.current().numeric().orElseThrow().expected());
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().startsWith("Correct") && !p.getText().contains("Correct. Correct"));
    }

    /** A first wrong number is diagnosed at its step; the figure itself appears only once the question is over. */
    @SuppressWarnings("unchecked")
    @Test
    void aFirstMissNeverShowsTheAnswer() {
        DrillView drill = open("kv-cache");
        Select<QuestionKind> mode = _find(Select.class).stream().filter(s -> "Mode".equals(s.getLabel()))
                .findFirst().orElseThrow();
        java.util.Optional<java.util.Map.Entry<app.bytewise.drill.Misconception, String>> diagnosed = java.util.Optional.empty();
        for (int draw = 0; draw < 40 && diagnosed.isEmpty(); draw++) {
            mode.setValue(QuestionKind.CHOICE);
            mode.setValue(QuestionKind.NUMERIC); // a fresh draw
            diagnosed = typedMistake(drill.current());
        }
        assertThat(diagnosed).as("a numeric kv-cache question with a diagnosable mistake in 40 draws").isPresent();
        String expected = drill.current().numeric().orElseThrow().expected();
        var mistake = diagnosed.get();
        String typed = mistake.getValue();
        drill.answer(typed);
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().startsWith("Not this time."));
        assertThat(_find(Paragraph.class)).noneMatch(p -> p.getText().contains(expected));
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().startsWith("Try once more"));
        assertThat(_get(Span.class, spec -> spec.withClasses("bw-misconception")).getText())
                .contains(mistake.getKey().title());
        drill.answer(typed); // the same figure again (a second Enter) is not taken as the second try
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().startsWith("That is the answer just marked wrong"));
        drill.answer("0.000001");
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().equals("Answer: " + expected));
    }

    /** A mistake's value in the question's unit (a bare number is read in it) that is graded as that mistake. */
    private static java.util.Optional<java.util.Map.Entry<app.bytewise.drill.Misconception, String>> typedMistake(
            app.bytewise.drill.Question q) {
        if (q == null || q.kind() != QuestionKind.NUMERIC) {
            return java.util.Optional.empty();
        }
        return q.distractors().entrySet().stream().map(e -> java.util.Map.entry(e.getKey(),
                        e.getValue().divide(q.numeric().orElseThrow().unit().factor(), java.math.MathContext.DECIMAL64)
                                .toPlainString()))
                .filter(e -> app.bytewise.drill.Grader.DEFAULT.grade(q, e.getValue(), 1).misconception()
                        .equals(java.util.Optional.of(e.getKey())))
                .findFirst();
    }

    @Autowired
    private ProgressService progress;
    @Autowired
    private AccountService accounts;

    @Test
    void aSignedInCandidatesAttemptsAreRecordedAndDueReviewsComeBack() {
        String name = "drill-" + System.nanoTime() % 1_000_000_000;
        long id = accounts.create(name, "Drill Tester", "a-long-password-1", Role.CANDIDATE).getId();
        openSignedIn(name, "a-long-password-1");
        UI.getCurrent().navigate("drill", QueryParameters.of("topic", "kv-cache"));
        DrillView drill = _get(DrillView.class);
        Question first = drill.current();
        Option wrong = first.options().stream().filter(o -> !o.correct()).findFirst().orElseThrow();
        drill.answer(wrong.id());
        drill.answer(first.correctOption().orElseThrow().id());
        assertThat(progress.attemptCount(id)).isEqualTo(2);
        assertThat(progress.recentAttempts(id, 5)).allSatisfy(a -> assertThat(a.getQuestionId()).isEqualTo(first.id()));

        // Wrong then right: the concept is due again within minutes, so a review session starts with it.
        UI.getCurrent().navigate("drill", QueryParameters.of("review", "1"));
        DrillView review = _get(DrillView.class);
        assertThat(progress.reviewQueue(id).dueCount()).isZero(); // not yet: the first learning step is a minute
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("bw-review-note")).getText()).contains("No reviews");
        assertThat(review.current()).isNotNull();
    }

    @SuppressWarnings("unchecked")
    @Test
    void aTypedAnswerWithAControlCharacterIsAFieldErrorAndIsNotRecorded() {
        String name = "drillnul-" + System.nanoTime() % 1_000_000_000;
        long id = accounts.create(name, "Drill Tester", "a-long-password-1", Role.CANDIDATE).getId();
        openSignedIn(name, "a-long-password-1");
        UI.getCurrent().navigate("drill", QueryParameters.of("topic", "kv-cache"));
        DrillView drill = _get(DrillView.class);
        _find(Select.class).stream().filter(s -> "Mode".equals(s.getLabel())).findFirst().orElseThrow()
                .setValue(QuestionKind.NUMERIC);
        assertThat(drill.current().kind()).isEqualTo(QuestionKind.NUMERIC);
        drill.answer(drill.current().numeric().orElseThrow().expected() + "\u0000");
        TextField typed = _get(TextField.class, spec -> spec.withLabel("Your answer"));
        assertThat(typed.isInvalid()).isTrue();
        assertThat(typed.getErrorMessage()).isEqualTo("Control characters are not allowed here (found U+0000).");
        assertThat(_find(Paragraph.class)).noneMatch(p -> p.getText().startsWith("Correct"));
        assertThat(progress.attemptCount(id)).isZero();

        drill.answer(drill.current().numeric().orElseThrow().expected());
        assertThat(typed.isInvalid()).isFalse();
        assertThat(progress.attemptCount(id)).isEqualTo(1);
    }

    @Test
    void anonymousAnswersAreGradedButNotSaved() {
        DrillView drill = open("kv-cache");
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().startsWith("Sign in to save"));
        drill.answer(drill.current().correctOption().orElseThrow().id());
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().startsWith("Correct") && !p.getText().contains("Correct. Correct"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void severalTopicsDrawOnlyFromThoseTopics() {
        DrillView drill = open("zero");
        com.vaadin.flow.component.combobox.MultiSelectComboBox<Topic> topics =
                _get(com.vaadin.flow.component.combobox.MultiSelectComboBox.class, spec -> spec.withLabel("Topics"));
        assertThat(topics.getValue()).containsExactly(Topic.ZERO);
        topics.setValue(java.util.Set.of(Topic.KV_CACHE, Topic.PARALLELISM));
        java.util.Set<Topic> seen = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            seen.add(drill.current().topic());
            drill.answer(drill.current().correctOption().orElseThrow().id());
            _get(com.vaadin.flow.component.button.Button.class, spec -> spec.withText("Next question")).click();
        }
        assertThat(seen).isSubsetOf(Topic.KV_CACHE, Topic.PARALLELISM).hasSize(2);
    }

    @SuppressWarnings("unchecked")
    @Test
    void optionKeysWorkFromPageLoadAndEnterOnTheMissedChoiceIsNotASecondTry() {
        DrillView drill = open("training-memory");
        var options = _get(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class);
        // Nothing focused yet: the key reaches the page, not the form.
        com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut(UI.getCurrent(), com.vaadin.flow.component.Key.of("2"));
        assertThat(((Option) options.getValue()).id()).isEqualTo(drill.current().options().get(1).id());

        int wrongIndex = java.util.stream.IntStream.range(0, drill.current().options().size())
                .filter(i -> !drill.current().options().get(i).correct()).findFirst().orElseThrow();
        com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut(UI.getCurrent(),
                com.vaadin.flow.component.Key.of(String.valueOf(wrongIndex + 1)));
        com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut(UI.getCurrent(), com.vaadin.flow.component.Key.ENTER);
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().startsWith("Not this time."));
        com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut(UI.getCurrent(), com.vaadin.flow.component.Key.ENTER);
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().startsWith("That is the answer just marked wrong"));
        assertThat(_get(Span.class, spec -> spec.withClasses("bw-score")).getText()).startsWith("Score 0.0 / 0");

        int rightIndex = drill.current().options().indexOf(drill.current().correctOption().orElseThrow());
        com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut(UI.getCurrent(),
                com.vaadin.flow.component.Key.of(String.valueOf(rightIndex + 1)));
        com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut(UI.getCurrent(), com.vaadin.flow.component.Key.ENTER);
        assertThat(_get(Span.class, spec -> spec.withClasses("bw-score")).getText()).startsWith("Score 0.5 / 1");
    }
}
