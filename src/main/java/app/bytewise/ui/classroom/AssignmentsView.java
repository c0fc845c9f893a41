package app.bytewise.ui.classroom;

import app.bytewise.classroom.AssignmentService;
import app.bytewise.classroom.ClassroomException;
import app.bytewise.classroom.ClassroomService;
import app.bytewise.classroom.QuizPaper;
import app.bytewise.classroom.StudentAssignment;
import app.bytewise.classroom.SubmissionService;
import app.bytewise.security.Role;
import app.bytewise.security.UserAccount;
import app.bytewise.ui.CurrentUser;
import app.bytewise.ui.PhoneCards;
import app.bytewise.ui.ReadableColumns;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;

/** A candidate's assignments: join a class with its code, see what is due, take an assignment, see the score. */
@Route("assignments")
@PageTitle("Assignments | Bytewise")
@PermitAll
public class AssignmentsView extends VerticalLayout {

    private final AssignmentService assignments;
    private final SubmissionService submissions;
    private final ClassroomService classrooms;
    private final UserAccount candidate;
    private final TextField code = new TextField("Join code");
    private final Paragraph joinMessage = new Paragraph();
    private final Grid<StudentAssignment> grid = new Grid<>();
    private final Div taking = new Div();
    private final PhoneCards<StudentAssignment> cards = new PhoneCards<>(StudentAssignment::quizTitle);

    public AssignmentsView(CurrentUser user, ClassroomService classrooms,
            AssignmentService assignments, SubmissionService submissions) {
        this.assignments = assignments;
        this.submissions = submissions;
        this.classrooms = classrooms;
        this.candidate = user.require();
        addClassName("bw-page");
        add(new H1("Assignments"));
        if (candidate.getRole() != Role.CANDIDATE) {
            add(new Paragraph("Assignments are for candidates; instructors set them in the Classroom."));
            return;
        }
        Button join = new Button("Join class", e -> join());
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        code.setHelperText("The eight-character code from your instructor");
        ReadableColumns.addColumn(grid, StudentAssignment::quizTitle).setHeader("Quiz").setFlexGrow(2);
        ReadableColumns.addColumn(grid, StudentAssignment::className).setHeader("Class").setFlexGrow(2);
        ReadableColumns.addColumn(grid, a -> AssignPanel.TIME.format(a.dueAt()) + " UTC").setHeader("Due");
        ReadableColumns.addColumn(grid, a -> a.status().title()).setHeader("Status");
        ReadableColumns.addColumn(grid, a -> a.attemptsUsed() + " of " + a.attemptsAllowed()).setHeader("Attempts");
        ReadableColumns.addColumn(grid, AssignmentsView::bestScore).setHeader("Best score");
        grid.addComponentColumn(this::takeButton).setHeader("").setKey("take").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        cards.figure("Class", StudentAssignment::className)
                .figure("Due", a -> AssignPanel.TIME.format(a.dueAt()) + " UTC")
                .figure("Status", a -> a.status().title() + ", " + a.attemptsUsed() + " of " + a.attemptsAllowed()
                        + " attempts")
                .figure("Best score", AssignmentsView::bestScore)
                .action(this::takeButton);
        add(new H2("Join a class"), new FlexLayout(code, join), joinMessage, new H2("Your assignments"),
                PhoneCards.alongside(grid, cards), taking);
        refresh();
    }

    private void join() {
        try {
            joinMessage.setText(classrooms.join(candidate, code.getValue()).message());
            code.clear();
            code.setInvalid(false);
            refresh();
        } catch (ClassroomException refused) {
            code.setErrorMessage(refused.getMessage());
            code.setInvalid(true);
        }
    }

    private void take(StudentAssignment a) {
        taking.removeAll();
        try {
            QuizPaper paper = assignments.paper(candidate, a.id());
            taking.add(new QuizTaker(paper,
                    answers -> submissions.submit(candidate, a.id(), answers), this::refresh));
        } catch (ClassroomException refused) {
            taking.add(new Paragraph(refused.getMessage()));
        }
    }

    private Button takeButton(StudentAssignment a) {
        Button take = new Button(a.attemptsUsed() == 0 ? "Take" : "Try again", e -> take(a));
        take.setEnabled(a.status().canTake());
        return take;
    }

    private static String bestScore(StudentAssignment a) {
        return a.bestScore().isPresent()
                ? String.format(Locale.ROOT, "%.1f / %d", a.bestScore().getAsDouble(), a.questionCount()) : "";
    }

    private void refresh() {
        List<StudentAssignment> mine = assignments.assignmentsFor(candidate);
        ReadableColumns.setItems(grid, mine);
        cards.setItems(mine);
    }
}
