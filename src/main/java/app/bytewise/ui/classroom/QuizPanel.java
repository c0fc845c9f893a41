package app.bytewise.ui.classroom;

import app.bytewise.classroom.ClassroomException;
import app.bytewise.classroom.InvalidQuizException;
import app.bytewise.classroom.Quiz;
import app.bytewise.classroom.QuizMode;
import app.bytewise.classroom.QuizService;
import app.bytewise.classroom.QuizSettings;
import app.bytewise.classroom.SeedPolicy;
import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Topic;
import app.bytewise.security.UserAccount;
import app.bytewise.ui.PhoneCards;
import app.bytewise.ui.ReadableColumns;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Create a quiz (every field says what is wrong with it), list quizzes, export one to Moodle, delete one. */
class QuizPanel extends VerticalLayout {

    static final int EXPORT_VARIANTS = 3;
    private final IntegerField variants = new IntegerField("Variants per question");

    private final QuizService quizzes;
    private final UserAccount instructor;
    private final Runnable changed;
    private final TextField title = new TextField("Title");
    private final MultiSelectComboBox<Topic> topics = new MultiSelectComboBox<>("Topics");
    private final Select<Optional<Difficulty>> difficulty = new Select<>();
    private final IntegerField questionCount = new IntegerField("Questions");
    private final Select<QuizMode> mode = new Select<>();
    private final IntegerField timeLimit = new IntegerField("Time limit (minutes)");
    private final IntegerField attempts = new IntegerField("Attempts allowed");
    private final Select<SeedPolicy> seedPolicy = new Select<>();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Paragraph message = new Paragraph();
    private final Grid<Quiz> grid = new Grid<>();

    private final PhoneCards<Quiz> cards = new PhoneCards<>(Quiz::getTitle);

    QuizPanel(QuizService quizzes, UserAccount instructor, Runnable changed) {
        this.quizzes = quizzes;
        this.instructor = instructor;
        this.changed = changed;
        setPadding(false);
        topics.setItems(Topic.values());
        topics.setItemLabelGenerator(Topic::title);
        difficulty.setLabel("Difficulty");
        difficulty.setItems(Optional.empty(), Optional.of(Difficulty.EASY), Optional.of(Difficulty.MEDIUM),
                Optional.of(Difficulty.HARD));
        difficulty.setItemLabelGenerator(d -> d.map(QuizPanel::capitalized).orElse("Any"));
        difficulty.setValue(Optional.empty());
        questionCount.setValue(5);
        questionCount.setStepButtonsVisible(true);
        mode.setLabel("Mode");
        mode.setItems(QuizMode.values());
        mode.setItemLabelGenerator(QuizMode::title);
        mode.setValue(QuizMode.MIXED);
        timeLimit.setHelperText("Empty for no limit");
        attempts.setValue(1);
        seedPolicy.setLabel("Numbers");
        seedPolicy.setItems(SeedPolicy.values());
        seedPolicy.setItemLabelGenerator(SeedPolicy::title);
        seedPolicy.setValue(SeedPolicy.PER_STUDENT);
        fields.put("title", title);
        fields.put("topics", topics);
        fields.put("questionCount", questionCount);
        fields.put("mode", mode);
        fields.put("timeLimitMinutes", timeLimit);
        fields.put("attemptsAllowed", attempts);
        fields.put("seedPolicy", seedPolicy);
        Button create = new Button("Create quiz", e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout form = new FlexLayout(title, topics, difficulty, questionCount, mode, timeLimit, attempts, seedPolicy);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.addClassName("bw-form-row"); // full-width fields on a phone
        form.getStyle().set("gap", "var(--lumo-space-m)");
        ReadableColumns.addColumn(grid, Quiz::getTitle).setHeader("Quiz").setFlexGrow(2);
        ReadableColumns.addColumn(grid, q -> describe(q.settings())).setHeader("Settings").setFlexGrow(3);
        // The download reads the field when it is clicked, so changing it needs no refresh of the grid.
        grid.addComponentColumn(q -> Downloads.link("Moodle XML", fileName(q.getTitle()) + ".xml", "application/xml",
                () -> quizzes.moodleXml(instructor, q.getId(), exportVariants()))).setHeader("Export").setKey("export")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(q -> new Button("Delete", e -> delete(q))).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        cards.figure("Settings", q -> describe(q.settings())).action(q -> {
            FlexLayout actions = new FlexLayout(Downloads.link("Moodle XML", fileName(q.getTitle()) + ".xml",
                    "application/xml", () -> quizzes.moodleXml(instructor, q.getId(), exportVariants())),
                    new Button("Delete", e -> delete(q)));
            actions.setAlignItems(FlexLayout.Alignment.CENTER);
            actions.getStyle().set("gap", "var(--lumo-space-m)");
            return actions;
        });
        variants.setMin(1);
        variants.setMax(QuizService.MAX_EXPORT_VARIANTS);
        variants.setValue(EXPORT_VARIANTS);
        variants.setStepButtonsVisible(true);
        variants.setHelperText("Moodle XML: reproducible variants of each question, 1 to " + QuizService.MAX_EXPORT_VARIANTS);
        add(new H2("Quizzes"), form, create, message, variants, PhoneCards.alongside(grid, cards));
        refresh();
    }

    /** Variants per question for the Moodle export; out of range falls back to the nearest bound. */
    private int exportVariants() {
        Integer n = variants.getValue();
        return n == null ? EXPORT_VARIANTS : Math.max(1, Math.min(QuizService.MAX_EXPORT_VARIANTS, n));
    }

    private void create() {
        fields.values().forEach(f -> f.setInvalid(false));
        message.setText("");
        QuizSettings settings = new QuizSettings(title.getValue(), topics.getValue(), difficulty.getValue(),
                questionCount.getValue() == null ? 0 : questionCount.getValue(), mode.getValue(),
                Optional.ofNullable(timeLimit.getValue()), attempts.getValue() == null ? 0 : attempts.getValue(),
                seedPolicy.getValue());
        try {
            Quiz quiz = quizzes.create(instructor, settings);
            message.setText("Created " + quiz.getTitle() + ".");
            title.clear();
            refresh();
            changed.run();
        } catch (InvalidQuizException refused) {
            refused.problems().forEach((field, problem) -> {
                HasValidation f = fields.get(field);
                f.setErrorMessage(problem);
                f.setInvalid(true);
            });
            message.setText("Please correct the marked fields.");
        }
    }

    private void delete(Quiz quiz) {
        try {
            quizzes.delete(instructor, quiz.getId());
            message.setText("Deleted " + quiz.getTitle() + ".");
            refresh();
            changed.run();
        } catch (ClassroomException refused) {
            message.setText(refused.getMessage());
        }
    }

    void refresh() {
        List<Quiz> mine = quizzes.quizzesOf(instructor);
        ReadableColumns.setItems(grid, mine);
        cards.setItems(mine);
    }

    static String describe(QuizSettings s) {
        String topicList = s.topics().stream().sorted().map(Topic::title).collect(Collectors.joining(", "));
        List<String> parts = new java.util.ArrayList<>(List.of(s.questionCount() + " questions", s.mode().title(),
                s.difficulty().map(QuizPanel::capitalized).orElse("any difficulty"), topicList,
                s.attemptsAllowed() + (s.attemptsAllowed() == 1 ? " attempt" : " attempts"), s.seedPolicy().title()));
        s.timeLimitMinutes().ifPresent(m -> parts.add(m + " min"));
        return String.join(" · ", parts);
    }

    static String fileName(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "quiz" : slug;
    }

    private static String capitalized(Difficulty d) {
        return d.name().charAt(0) + d.name().substring(1).toLowerCase(Locale.ROOT);
    }
}
