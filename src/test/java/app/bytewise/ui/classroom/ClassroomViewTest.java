package app.bytewise.ui.classroom;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NavigatorKt.expectView;
import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.classroom.AnswerRow;
import app.bytewise.classroom.AssignmentService;
import app.bytewise.classroom.AssignmentSummary;
import app.bytewise.classroom.ClassSummary;
import app.bytewise.classroom.ClassroomService;
import app.bytewise.classroom.Quiz;
import app.bytewise.classroom.QuizMode;
import app.bytewise.classroom.QuizPaper;
import app.bytewise.classroom.QuizService;
import app.bytewise.classroom.QuizSettings;
import app.bytewise.classroom.SeedPolicy;
import app.bytewise.classroom.StudentAssignment;
import app.bytewise.classroom.StudentScore;
import app.bytewise.classroom.SubmissionService;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.Topic;
import app.bytewise.ui.KaribuTestBase;
import app.bytewise.ui.PhoneCards;
import app.bytewise.security.AccountService;
import app.bytewise.security.Role;
import app.bytewise.security.UserAccount;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The instructor creates a class and a quiz, assigns it; a candidate submits; the results show it. */
class ClassroomViewTest extends KaribuTestBase {

    @Autowired
    private AccountService accounts;
    @Autowired
    private ClassroomService classrooms;
    @Autowired
    private AssignmentService assignments;
    @Autowired
    private SubmissionService submissions;
    @Autowired
    private QuizService quizService;

    @SuppressWarnings("unchecked")
    @Test
    void createQuizAssignItAndSeeTheCandidatesResult() {
        String tag = Long.toHexString(System.nanoTime());
        openSignedIn("instructor", "instructor-demo");
        UI.getCurrent().navigate(ClassroomView.class);
        expectView(ClassroomView.class);

        _setValue(_get(TextField.class, spec -> spec.withLabel("Class name")), "Group " + tag);
        _click(_get(Button.class, spec -> spec.withText("Create class")));
        String created = _get(Paragraph.class, spec -> spec.withClasses("bw-class-message")).getText();
        assertThat(created).matches("Created Group " + tag + "\\. Candidates join with the code [A-Z0-9]{8}\\.");
        String code = created.substring(created.length() - 9, created.length() - 1);
        // The phone's card for the class names it with its join code and has its own Delete.
        assertThat(_find(PhoneCards.class)).anyMatch(c -> c.getElement().getTextRecursively().contains("Group " + tag)
                && c.getElement().getTextRecursively().contains(code) && !_find(c, Button.class,
                        spec -> spec.withText("Delete")).isEmpty());

        // An empty form names each field at fault.
        _click(_get(Button.class, spec -> spec.withText("Create quiz")));
        TextField title = _get(TextField.class, spec -> spec.withLabel("Title"));
        MultiSelectComboBox<Topic> topics = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Topics"));
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo("1 to 120 characters.");
        assertThat(topics.isInvalid()).isTrue();
        assertThat(topics.getErrorMessage()).isEqualTo("Choose at least one topic.");

        _setValue(title, "Quiz " + tag);
        _setValue(topics, Set.of(Topic.KV_CACHE, Topic.WEIGHT_MEMORY));
        _setValue(_get(IntegerField.class, spec -> spec.withLabel("Questions")), 3);
        Select<QuizMode> mode = _find(Select.class).stream().filter(s -> "Mode".equals(s.getLabel())).findFirst()
                .orElseThrow();
        mode.setValue(QuizMode.CHOICE);
        _click(_get(Button.class, spec -> spec.withText("Create quiz")));
        assertThat(title.isInvalid()).isFalse();
        Grid<Quiz> quizGrid = gridOf(Quiz.class);
        assertThat(quizGrid.getGenericDataView().getItems()).anyMatch(q -> q.getTitle().equals("Quiz " + tag));
        assertThat(((Anchor) GridKt._getCellComponent(quizGrid, 0, "export")).getText()).isEqualTo("Moodle XML");

        ComboBox<Quiz> quiz = _get(ComboBox.class, spec -> spec.withLabel("Quiz"));
        quiz.setValue(quiz.getListDataView().getItems().filter(q -> q.getTitle().equals("Quiz " + tag)).findFirst()
                .orElseThrow());
        ComboBox<ClassSummary> classroom = _get(ComboBox.class, spec -> spec.withLabel("Class"));
        classroom.setValue(classroom.getListDataView().getItems().filter(c -> c.joinCode().equals(code)).findFirst()
                .orElseThrow());
        // The times are picked, not typed: a cleared one is named and nothing is assigned.
        DateTimePicker due = _get(DateTimePicker.class, spec -> spec.withLabel("Due (UTC)"));
        LocalDateTime dueAt = due.getValue();
        assertThat(dueAt.getMinute()).isZero();
        due.clear();
        _click(_get(Button.class, spec -> spec.withText("Assign")));
        assertThat(due.isInvalid()).isTrue();
        assertThat(due.getErrorMessage()).isEqualTo("Pick a date and a time.");
        assertThat(_find(Paragraph.class)).noneMatch(p -> p.getText().startsWith("Assigned Quiz " + tag));
        due.setValue(dueAt);
        _click(_get(Button.class, spec -> spec.withText("Assign")));
        assertThat(due.isInvalid()).isFalse();
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().startsWith("Assigned Quiz " + tag + " to Group "));

        // A candidate joins and submits through the services, all answers right.
        UserAccount student = accounts.create("k" + tag, "Kim " + tag, "candidate-pass", Role.CANDIDATE);
        classrooms.join(student, code);
        long assignmentId = assignments.assignmentsFor(student).get(0).id();
        QuizPaper paper = assignments.paper(student, assignmentId);
        submissions.submit(student, assignmentId, paper.questions().stream()
                .map(q -> q.kind() == QuestionKind.CHOICE ? q.correctOption().orElseThrow().id()
                        : q.numeric().orElseThrow().expected()).toList());

        ComboBox<AssignmentSummary> assignment = _get(ComboBox.class, spec -> spec.withLabel("Assignment"));
        assignment.setValue(assignment.getListDataView().getItems().filter(a -> a.id() == assignmentId).findFirst()
                .orElseThrow());
        List<StudentScore> scores = gridOf(StudentScore.class).getGenericDataView().getItems().toList();
        assertThat(scores).singleElement().satisfies(s -> {
            assertThat(s.displayName()).isEqualTo("Kim " + tag);
            assertThat(s.bestScore()).isEqualTo(3.0);
        });
        assertThat(_find(Anchor.class, spec -> spec.withText("Download CSV"))).hasSize(1);

        _click((Button) GridKt._getCellComponent(gridOf(AnswerRow.class), 0, "replay"));
        // The replay opens in a dialog over the row, not at the foot of the page.
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Kim " + tag + ", attempt 1, question 1");
        QuestionReplay replay = _get(QuestionReplay.class);
        assertThat(replay.getElement().getTextRecursively()).contains(paper.questions().get(0).text())
                .contains("Answer given: ");
        _click(_get(Button.class, spec -> spec.withText("Close")));
        assertThat(_find(Dialog.class)).isEmpty();
    }

    /** The grid on screen whose rows are of this type. */
    @SuppressWarnings("unchecked")
    private static <T> Grid<T> gridOf(Class<T> rowType) {
        return _find(Grid.class).stream().map(g -> (Grid<T>) g)
                .filter(g -> g.getGenericDataView().getItems().findFirst().filter(rowType::isInstance).isPresent())
                .findFirst().orElseThrow(() -> new AssertionError("no grid of " + rowType.getSimpleName()));
    }

    @Test
    void aCandidateJoinsByCodeTakesTheAssignmentAndSeesTheScore() {
        String tag = Long.toHexString(System.nanoTime());
        UserAccount teacher = accounts.find("instructor").orElseThrow();
        ClassSummary c = classrooms.createClass(teacher, "Evening " + tag);
        Quiz quiz = quizService.create(teacher, new QuizSettings("Night quiz " + tag, Set.of(Topic.KV_CACHE),
                Optional.empty(), 2, QuizMode.MIXED, Optional.of(30), 2, SeedPolicy.PER_STUDENT));
        assignments.assign(teacher, quiz.getId(), c.id(), Instant.now().minusSeconds(3600),
                Instant.now().plusSeconds(86_400));
        accounts.create("c" + tag, "Cam " + tag, "candidate-pass", Role.CANDIDATE);
        openSignedIn("c" + tag, "candidate-pass");
        UI.getCurrent().navigate(AssignmentsView.class);
        expectView(AssignmentsView.class);

        TextField code = _get(TextField.class, spec -> spec.withLabel("Join code"));
        _setValue(code, "nope-nope");
        _click(_get(Button.class, spec -> spec.withText("Join class")));
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).isEqualTo("No class has the code NOPENOPE; check it with your instructor.");

        _setValue(code, c.joinCode());
        _click(_get(Button.class, spec -> spec.withText("Join class")));
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().equals("You joined Evening " + tag + "."));

        // On a phone the same row is a card with its figures and its own Take button.
        PhoneCards<?> cards = _get(PhoneCards.class);
        assertThat(cards.getElement().getTextRecursively()).contains("Night quiz " + tag).contains("Evening " + tag)
                .contains("Due").contains("0 of 2 attempts");
        assertThat(_find(cards, Button.class, spec -> spec.withText("Take"))).hasSize(1);

        _click((Button) GridKt._getCellComponent(gridOf(StudentAssignment.class), 0, "take"));
        QuizTaker taker = _get(QuizTaker.class);
        for (int i = 0; i < taker.questions().size(); i++) {
            var q = taker.questions().get(i);
            taker.answer(i, i == 0 ? "" : q.kind() == QuestionKind.CHOICE ? q.correctOption().orElseThrow().id()
                    : q.numeric().orElseThrow().expected());
        }
        // One question blank: asked first, since submitting uses up the attempt.
        _click(_get(Button.class, spec -> spec.withText("Submit all answers")));
        ConfirmDialog ask = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(ask)).isEqualTo("Unanswered questions");
        assertThat(ConfirmDialogKt.getText(ask)).isEqualTo("1 of 2 questions has no answer. Submit anyway?");
        assertThat(ask.getElement().getProperty("confirmText")).isEqualTo("Submit");
        assertThat(ask.getElement().getProperty("cancelText")).isEqualTo("Keep answering");

        // Keep answering: nothing is saved, and the answers stay as they were.
        ConfirmDialogKt._fireCancel(ask);
        assertThat(_find(ConfirmDialog.class)).isEmpty();
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("bw-score"))).isEmpty();
        UserAccount cam = accounts.find("c" + tag).orElseThrow();
        long assignmentId = assignments.assignmentsFor(cam).get(0).id();
        assertThat(submissions.submissionsOf(cam, assignmentId)).isEmpty();
        assertThat(gridOf(StudentAssignment.class).getGenericDataView().getItems()).singleElement()
                .satisfies(a -> assertThat(a.attemptsUsed()).isZero());

        // Submit anyway: saved with the blank, and the attempt is used.
        _click(_get(Button.class, spec -> spec.withText("Submit all answers")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("bw-score")).getText())
                .isEqualTo("Submitted. Score 1.0 / 2.");
        assertThat(submissions.submissionsOf(cam, assignmentId)).singleElement().satisfies(saved -> {
            assertThat(saved.attemptNo()).isEqualTo(1);
            assertThat(saved.answers().get(0).answer()).isEmpty();
        });
        assertThat(gridOf(StudentAssignment.class).getGenericDataView().getItems()).singleElement()
                .satisfies(a -> assertThat(a.attemptsUsed()).isEqualTo(1));

        // Every question answered: submitted without asking.
        _click((Button) GridKt._getCellComponent(gridOf(StudentAssignment.class), 0, "take"));
        QuizTaker second = _get(QuizTaker.class);
        for (int i = 0; i < second.questions().size(); i++) {
            var q = second.questions().get(i);
            second.answer(i, q.kind() == QuestionKind.CHOICE ? q.correctOption().orElseThrow().id()
                    : q.numeric().orElseThrow().expected());
        }
        _click(_get(Button.class, spec -> spec.withText("Submit all answers")));
        assertThat(_find(ConfirmDialog.class)).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("bw-score")).getText())
                .isEqualTo("Submitted. Score 2.0 / 2.");
        assertThat(submissions.submissionsOf(cam, assignmentId)).extracting(r -> r.attemptNo()).containsExactly(1, 2);
    }
}
