package app.bytewise.ui.classroom;

import app.bytewise.classroom.AssignmentService;
import app.bytewise.classroom.AssignmentSummary;
import app.bytewise.classroom.ClassSummary;
import app.bytewise.classroom.ClassroomException;
import app.bytewise.classroom.ClassroomService;
import app.bytewise.classroom.Quiz;
import app.bytewise.classroom.QuizService;
import app.bytewise.security.UserAccount;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Set a quiz to a class with opening and due times (UTC), and list what is assigned. */
class AssignPanel extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final AssignmentService assignments;
    private final ClassroomService classrooms;
    private final QuizService quizzes;
    private final UserAccount instructor;
    private final Runnable changed;
    private final ComboBox<Quiz> quiz = new ComboBox<>("Quiz");
    private final ComboBox<ClassSummary> classroom = new ComboBox<>("Class");
    private final TextField opens = new TextField("Opens (UTC)");
    private final TextField due = new TextField("Due (UTC)");
    private final Paragraph message = new Paragraph();
    private final Grid<AssignmentSummary> grid = new Grid<>();

    AssignPanel(AssignmentService assignments, ClassroomService classrooms, QuizService quizzes, UserAccount instructor,
            Clock clock, Runnable changed) {
        this.assignments = assignments;
        this.classrooms = classrooms;
        this.quizzes = quizzes;
        this.instructor = instructor;
        this.changed = changed;
        setPadding(false);
        quiz.setItemLabelGenerator(Quiz::getTitle);
        classroom.setItemLabelGenerator(ClassSummary::name);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        opens.setValue(TIME.format(now));
        due.setValue(TIME.format(now.plus(Duration.ofDays(7))));
        opens.setHelperText("yyyy-MM-dd HH:mm");
        due.setHelperText("yyyy-MM-dd HH:mm");
        Button assign = new Button("Assign", e -> assign());
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.addColumn(AssignmentSummary::quizTitle).setHeader("Quiz").setFlexGrow(2);
        grid.addColumn(AssignmentSummary::className).setHeader("Class").setFlexGrow(2);
        grid.addColumn(a -> TIME.format(a.opensAt())).setHeader("Opens");
        grid.addColumn(a -> TIME.format(a.dueAt())).setHeader("Due");
        grid.addColumn(AssignmentSummary::submissions).setHeader("Submissions");
        grid.setAllRowsVisible(true);
        FlexLayout form = new FlexLayout(quiz, classroom, opens, due);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.getStyle().set("gap", "var(--lumo-space-m)");
        add(new H2("Assignments"), form, assign, message, grid);
        refresh();
    }

    private void assign() {
        Optional<Instant> from = parse(opens);
        Optional<Instant> until = parse(due);
        quiz.setInvalid(quiz.getValue() == null);
        quiz.setErrorMessage("Choose a quiz.");
        classroom.setInvalid(classroom.getValue() == null);
        classroom.setErrorMessage("Choose a class.");
        if (from.isEmpty() || until.isEmpty() || quiz.isInvalid() || classroom.isInvalid()) {
            return;
        }
        try {
            AssignmentSummary a = assignments.assign(instructor, quiz.getValue().getId(), classroom.getValue().id(),
                    from.get(), until.get());
            message.setText("Assigned " + a.quizTitle() + " to " + a.className() + ", due " + TIME.format(a.dueAt())
                    + " UTC.");
            refresh();
            changed.run();
        } catch (ClassroomException refused) {
            message.setText(refused.getMessage());
        }
    }

    private static Optional<Instant> parse(TextField field) {
        try {
            Instant at = LocalDateTime.parse(field.getValue().strip(), TIME).toInstant(ZoneOffset.UTC);
            field.setInvalid(false);
            return Optional.of(at);
        } catch (DateTimeParseException unreadable) {
            field.setErrorMessage("Write it as yyyy-MM-dd HH:mm, e.g. 2026-05-04 09:00.");
            field.setInvalid(true);
            return Optional.empty();
        }
    }

    void refresh() {
        quiz.setItems(quizzes.quizzesOf(instructor));
        classroom.setItems(classrooms.classesOf(instructor));
        grid.setItems(assignments.assignmentsOf(instructor));
    }
}
