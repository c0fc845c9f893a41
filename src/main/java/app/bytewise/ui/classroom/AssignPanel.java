package app.bytewise.ui.classroom;

import app.bytewise.classroom.AssignmentService;
import app.bytewise.classroom.AssignmentSummary;
import app.bytewise.classroom.ClassSummary;
import app.bytewise.classroom.ClassroomException;
import app.bytewise.classroom.ClassroomService;
import app.bytewise.classroom.Quiz;
import app.bytewise.classroom.QuizService;
import app.bytewise.security.UserAccount;
import app.bytewise.ui.PhoneCards;
import app.bytewise.ui.ReadableColumns;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Set a quiz to a class with opening and due times picked on a calendar and a clock (UTC, dates
 * written year first so no reader mistakes 04/05 for 5 April), and list what is assigned.
 */
class AssignPanel extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final AssignmentService assignments;
    private final ClassroomService classrooms;
    private final QuizService quizzes;
    private final UserAccount instructor;
    private final Runnable changed;
    private final ComboBox<Quiz> quiz = new ComboBox<>("Quiz");
    private final ComboBox<ClassSummary> classroom = new ComboBox<>("Class");
    private final DateTimePicker opens = picker("Opens (UTC)");
    private final DateTimePicker due = picker("Due (UTC)");
    private final Paragraph message = new Paragraph();
    private final Grid<AssignmentSummary> grid = new Grid<>();
    private final PhoneCards<AssignmentSummary> cards = new PhoneCards<>(AssignmentSummary::quizTitle);

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
        // Open from now; due a week on, at the next whole hour on the clock's 15-minute steps.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        opens.setValue(LocalDateTime.ofInstant(now, ZoneOffset.UTC));
        due.setValue(LocalDateTime.ofInstant(now.plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS)
                .plus(Duration.ofHours(1)), ZoneOffset.UTC));
        Button assign = new Button("Assign", e -> assign());
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ReadableColumns.addColumn(grid, AssignmentSummary::quizTitle).setHeader("Quiz").setFlexGrow(2);
        ReadableColumns.addColumn(grid, AssignmentSummary::className).setHeader("Class").setFlexGrow(2);
        ReadableColumns.addColumn(grid, a -> TIME.format(a.opensAt())).setHeader("Opens");
        ReadableColumns.addColumn(grid, a -> TIME.format(a.dueAt())).setHeader("Due");
        ReadableColumns.addColumn(grid, AssignmentSummary::submissions).setHeader("Submissions");
        grid.setAllRowsVisible(true);
        FlexLayout form = new FlexLayout(quiz, classroom, opens, due);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.addClassName("bw-form-row"); // full-width fields on a phone
        form.getStyle().set("gap", "var(--lumo-space-m)");
        cards.figure("Class", AssignmentSummary::className).figure("Opens", a -> TIME.format(a.opensAt()) + " UTC")
                .figure("Due", a -> TIME.format(a.dueAt()) + " UTC")
                .figure("Submissions", a -> String.valueOf(a.submissions()));
        add(new H2("Assignments"), form, assign, message, PhoneCards.alongside(grid, cards));
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

    private static DateTimePicker picker(String label) {
        DateTimePicker picker = new DateTimePicker(label);
        picker.setLocale(Locale.UK); // a 24-hour clock
        picker.setStep(Duration.ofMinutes(15));
        picker.setDatePickerI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
        picker.setHelperText("Date and time in UTC");
        return picker;
    }

    private static Optional<Instant> parse(DateTimePicker field) {
        LocalDateTime at = field.getValue();
        if (at == null) {
            field.setErrorMessage("Pick a date and a time.");
            field.setInvalid(true);
            return Optional.empty();
        }
        field.setInvalid(false);
        return Optional.of(at.toInstant(ZoneOffset.UTC));
    }

    void refresh() {
        quiz.setItems(quizzes.quizzesOf(instructor));
        classroom.setItems(classrooms.classesOf(instructor));
        List<AssignmentSummary> set = assignments.assignmentsOf(instructor);
        ReadableColumns.setItems(grid, set);
        cards.setItems(set);
    }
}
