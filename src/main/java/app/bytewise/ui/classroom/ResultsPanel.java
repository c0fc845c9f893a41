package app.bytewise.ui.classroom;

import app.bytewise.classroom.AnswerRow;
import app.bytewise.classroom.AssignmentResults;
import app.bytewise.classroom.AssignmentService;
import app.bytewise.classroom.AssignmentSummary;
import app.bytewise.classroom.ItemStats;
import app.bytewise.classroom.MisconceptionCount;
import app.bytewise.classroom.ResultsService;
import app.bytewise.classroom.StudentScore;
import app.bytewise.classroom.TopicScore;
import app.bytewise.drill.Misconception;
import app.bytewise.security.UserAccount;
import app.bytewise.ui.PhoneCards;
import app.bytewise.ui.ReadableColumns;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One assignment's results: scores per student, item statistics as Moodle reports them, scores per
 * topic, misconceptions, every answer with a replay of the question, and a CSV download.
 */
class ResultsPanel extends VerticalLayout {

    private final ResultsService results;
    private final AssignmentService assignments;
    private final UserAccount instructor;
    private final ComboBox<AssignmentSummary> assignment = new ComboBox<>("Assignment");
    private final Div content = new Div();

    ResultsPanel(ResultsService results, AssignmentService assignments, UserAccount instructor) {
        this.results = results;
        this.assignments = assignments;
        this.instructor = instructor;
        setPadding(false);
        assignment.setItemLabelGenerator(a -> a.quizTitle() + " · " + a.className());
        assignment.setWidth("min(28em, 100%)");
        assignment.setId("bw-results-assignment");
        assignment.addValueChangeListener(e -> show());
        Button reload = new Button("Reload", e -> show());
        add(new H2("Results"), assignment, reload, content);
        refresh();
    }

    void refresh() {
        AssignmentSummary chosen = assignment.getValue();
        assignment.setItems(assignments.assignmentsOf(instructor));
        if (chosen != null) {
            assignments.assignmentsOf(instructor).stream().filter(a -> a.id() == chosen.id()).findFirst()
                    .ifPresent(assignment::setValue);
        }
    }

    private void show() {
        content.removeAll();
        AssignmentSummary chosen = assignment.getValue();
        if (chosen == null) {
            return;
        }
        AssignmentResults r = results.results(instructor, chosen.id());
        content.add(new Paragraph(r.students().size() + " students, " + r.assignment().submissions()
                + " submissions. Statistics use each student's first attempt."));
        content.add(Downloads.link("Download CSV", QuizPanel.fileName(chosen.quizTitle() + " " + chosen.className())
                + ".csv", "text/csv", () -> results.csv(instructor, chosen.id())));
        content.add(new H3("Students"), PhoneCards.alongside(students(r), studentCards(r)), new H3("Questions"), items(r),
                new H3("Topics"), topics(r),
                new H3("Misconceptions"), misconceptions(r), new H3("Answers"),
                PhoneCards.alongside(answers(r), answerCards(r)));
    }

    private static Grid<StudentScore> students(AssignmentResults r) {
        Grid<StudentScore> grid = grid();
        ReadableColumns.addColumn(grid, StudentScore::displayName).setHeader("Student").setFlexGrow(2);
        ReadableColumns.addColumn(grid, StudentScore::username).setHeader("Username");
        ReadableColumns.addColumn(grid, StudentScore::attempts).setHeader("Attempts");
        ReadableColumns.addColumn(grid, s -> score(s.firstScore(), s.questionCount())).setHeader("First attempt");
        ReadableColumns.addColumn(grid, s -> score(s.bestScore(), s.questionCount())).setHeader("Best");
        ReadableColumns.setItems(grid, r.students());
        return grid;
    }

    private static PhoneCards<StudentScore> studentCards(AssignmentResults r) {
        PhoneCards<StudentScore> cards = new PhoneCards<>(StudentScore::displayName);
        cards.figure("Best", s -> score(s.bestScore(), s.questionCount()))
                .figure("First attempt", s -> score(s.firstScore(), s.questionCount()))
                .figure("Attempts", s -> String.valueOf(s.attempts()));
        cards.setItems(r.students());
        return cards;
    }

    private PhoneCards<AnswerRow> answerCards(AssignmentResults r) {
        PhoneCards<AnswerRow> cards = new PhoneCards<>(a -> a.displayName() + ", Q" + (a.slot() + 1) + ", attempt "
                + a.attemptNo());
        cards.figure("Answer", AnswerRow::response).figure("Verdict", ResultsPanel::verdict)
                .figure("Misconception", a -> a.misconception().map(Misconception::title).orElse(""))
                .action(a -> new Button("Replay", e -> replay(a)));
        cards.setItems(r.answers());
        return cards;
    }

    private static String verdict(AnswerRow a) {
        return a.correct().map(c -> c ? "right" : "wrong").orElse("unreadable");
    }

    private static Grid<ItemStats> items(AssignmentResults r) {
        Grid<ItemStats> grid = grid();
        ReadableColumns.addColumn(grid, i -> "Q" + i.slot()).setHeader("Question");
        ReadableColumns.addColumn(grid, ItemStats::template).setHeader("Template").setFlexGrow(2);
        ReadableColumns.addColumn(grid, i -> i.topic() == null ? "" : i.topic().title()).setHeader("Topic").setFlexGrow(2);
        ReadableColumns.addColumn(grid, ItemStats::responses).setHeader("Responses");
        ReadableColumns.addColumn(grid, i -> percent(i.facility())).setHeader("Facility index");
        ReadableColumns.addColumn(grid, i -> i.discrimination().isPresent() ? percent(i.discrimination().getAsDouble()) : "–")
                .setHeader("Discrimination index");
        ReadableColumns.addColumn(grid, i -> i.commonWrongAnswers().stream().map(w -> w.answer() + " (" + w.count() + ")")
                .collect(Collectors.joining("; "))).setHeader("Most common wrong answers").setFlexGrow(3);
        ReadableColumns.setItems(grid, r.items());
        return grid;
    }

    private static Grid<TopicScore> topics(AssignmentResults r) {
        Grid<TopicScore> grid = grid();
        ReadableColumns.addColumn(grid, t -> t.topic().title()).setHeader("Topic").setFlexGrow(2);
        ReadableColumns.addColumn(grid, TopicScore::answers).setHeader("Answers");
        ReadableColumns.addColumn(grid, t -> percent(t.meanPercent())).setHeader("Mean score");
        ReadableColumns.setItems(grid, r.topics());
        return grid;
    }

    private static Grid<MisconceptionCount> misconceptions(AssignmentResults r) {
        Grid<MisconceptionCount> grid = grid();
        ReadableColumns.addColumn(grid, m -> m.misconception().title()).setHeader("Misconception").setFlexGrow(3);
        ReadableColumns.addColumn(grid, MisconceptionCount::answers).setHeader("Answers");
        ReadableColumns.addColumn(grid, MisconceptionCount::students).setHeader("Students");
        ReadableColumns.setItems(grid, r.misconceptions());
        return grid;
    }

    private Grid<AnswerRow> answers(AssignmentResults r) {
        Grid<AnswerRow> grid = grid();
        ReadableColumns.addColumn(grid, AnswerRow::displayName).setHeader("Student").setFlexGrow(2);
        ReadableColumns.addColumn(grid, AnswerRow::attemptNo).setHeader("Attempt");
        ReadableColumns.addColumn(grid, a -> "Q" + (a.slot() + 1)).setHeader("Question");
        ReadableColumns.addColumn(grid, AnswerRow::response).setHeader("Answer").setFlexGrow(3);
        ReadableColumns.addColumn(grid, ResultsPanel::verdict).setHeader("Verdict");
        ReadableColumns.addColumn(grid, a -> a.misconception().map(Misconception::title).orElse("")).setHeader("Misconception")
                .setFlexGrow(2);
        grid.addComponentColumn(a -> new Button("Replay", e -> replay(a))).setHeader("").setKey("replay").setAutoWidth(true)
                .setFlexGrow(0);
        ReadableColumns.setItems(grid, r.answers());
        return grid;
    }

    /** The replay opens over the page, where the row was clicked, not below a long list of grids. */
    private void replay(AnswerRow row) {
        Dialog dialog = new Dialog();
        dialog.addClassName("bw-replay");
        dialog.setHeaderTitle(row.displayName() + ", attempt " + row.attemptNo() + ", question " + (row.slot() + 1));
        dialog.add(new QuestionReplay(results.replay(instructor, row.answerId())));
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.setWidth("min(48rem, 100vw)");
        dialog.open();
    }

    private static <T> Grid<T> grid() {
        Grid<T> grid = new Grid<>();
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static String score(double score, int of) {
        return String.format(Locale.ROOT, "%.1f / %d", score, of);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f %%", value);
    }
}
