package app.bytewise.ui.drill;

import app.bytewise.ui.StepsView;
import app.bytewise.ui.CurrentUser;
import app.bytewise.ui.StepsView;
import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Grade;
import app.bytewise.drill.Grader;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.Option;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.QuestionTemplate;
import app.bytewise.drill.TemplateCatalog;
import app.bytewise.drill.Topic;
import app.bytewise.drill.WrongTurns;
import app.bytewise.progress.ProgressService;
import app.bytewise.progress.ReviewDraw;
import app.bytewise.security.UserText;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The drill: pick topics, difficulty and mode; answer; see whether it was right, the misconception
 * behind a wrong answer and the worked solution; go on. Score and streak count for the session.
 * Enter submits; the number keys 1–5 pick an option.
 */
@Route("drill")
@PageTitle("Drill | Bytewise")
@AnonymousAllowed
public class DrillView extends VerticalLayout implements BeforeEnterObserver {

    private final TemplateCatalog catalog;
    private final Grader grader;
    private final ProgressService progress;
    private final Optional<Long> userId;
    private final Clock clock;
    private final Paragraph reviewNote = new Paragraph();
    private final MultiSelectComboBox<Topic> topics = new MultiSelectComboBox<>("Topics");
    private final Select<Optional<Difficulty>> difficulty = new Select<>();
    private final Select<QuestionKind> kind = new Select<>();
    private final Div questionArea = new Div();
    private final Div feedback = new Div();
    private final Span score = new Span();
    private final RadioButtonGroup<Option> options = new RadioButtonGroup<>();
    private final TextField typed = new TextField("Your answer");
    private final Button submit = new Button("Check");
    private final Button next = new Button("Next question");
    private Question current;
    private int attempt;
    private final FirstMiss missed = new FirstMiss();
    private int answered;
    private double points;
    private int streak;
    private boolean reviewing;
    private Instant shownAt;

    public DrillView(TemplateCatalog catalog, Grader grader, ProgressService progress, CurrentUser user, Clock clock) {
        this.catalog = catalog;
        this.grader = grader;
        this.progress = progress;
        this.userId = user.id();
        this.clock = clock;
        addClassName("bw-page");
        addClassName("bw-drill");
        topics.setItems(Topic.values());
        topics.setItemLabelGenerator(Topic::title);
        topics.setPlaceholder("All topics");
        topics.setClearButtonVisible(true);
        difficulty.setLabel("Difficulty");
        difficulty.setItems(Optional.empty(), Optional.of(Difficulty.EASY), Optional.of(Difficulty.MEDIUM),
                Optional.of(Difficulty.HARD));
        difficulty.setItemLabelGenerator(d -> d.map(x -> x.name().charAt(0) + x.name().substring(1).toLowerCase(Locale.ROOT))
                .orElse("Any"));
        difficulty.setValue(Optional.empty());
        kind.setLabel("Mode");
        kind.setItems(QuestionKind.CHOICE, QuestionKind.NUMERIC);
        kind.setItemLabelGenerator(k -> k == QuestionKind.CHOICE ? "Multiple choice" : "Type the number");
        kind.setValue(QuestionKind.CHOICE);
        FlexLayout filters = new FlexLayout(topics, difficulty, kind, score);
        filters.addClassName("bw-drill-filters");
        topics.addValueChangeListener(e -> nextQuestion());
        difficulty.addValueChangeListener(e -> nextQuestion());
        kind.addValueChangeListener(e -> nextQuestion());

        options.setItemLabelGenerator(o -> o.id() + ")  " + o.text());
        options.addClassName("bw-options");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.addClickListener(e -> check());
        next.addClickListener(e -> nextQuestion());
        next.setVisible(false);
        // On the whole page, so the keys work from page load, before anything has focus; active only
        // while this view is shown. Digits must still reach the answer field: the browser's default stays.
        com.vaadin.flow.component.UI page = com.vaadin.flow.component.UI.getCurrent();
        for (int i = 1; i <= 5; i++) {
            int index = i - 1;
            com.vaadin.flow.component.Shortcuts.addShortcutListener(this, () -> pick(index), Key.of(String.valueOf(i)))
                    .listenOn(page).allowBrowserDefault();
        }
        feedback.addClassName("bw-feedback");
        reviewNote.addClassName("bw-review-note");
        Paragraph saving = new Paragraph(userId.isPresent() ? "Your answers are saved to your progress."
                : "Sign in to save your answers and get spaced reviews.");
        saving.addClassName("bw-question-meta");
        add(new H1("Drill"), saving, filters, reviewNote, questionArea, feedback);
        updateScore();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // A lesson's "Practice this topic" link: topic=kv-cache (several may be given).
        List<String> wanted = event.getLocation().getQueryParameters().getParameters().getOrDefault("topic", List.of());
        if (!wanted.isEmpty()) {
            topics.setValue(wanted.stream().flatMap(t -> {
                try {
                    return java.util.stream.Stream.of(Topic.valueOf(t.toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException unknown) {
                    return java.util.stream.Stream.empty();
                }
            }).collect(java.util.stream.Collectors.toSet()));
        }
        // "Try a similar one" from a worked example: a fresh seed of that very template, once.
        Optional<String> similar = event.getLocation().getQueryParameters().getSingleParameter("template");
        reviewing = userId.isPresent()
                && event.getLocation().getQueryParameters().getSingleParameter("review").filter("1"::equals).isPresent();
        if (reviewing) {
            nextQuestion();
        } else if (similar.isPresent() && catalog.find(similar.get()).isPresent()) {
            similar(catalog.find(similar.get()).get());
        } else if (current == null) {
            nextQuestion();
        }
    }

    /** The question on screen, for tests. */
    Question current() {
        return current;
    }

    void answer(String text) {
        if (current.kind() == QuestionKind.CHOICE) {
            current.option(text).ifPresent(options::setValue);
        } else {
            typed.setValue(text);
        }
        check();
    }

    private void similar(QuestionTemplate template) {
        QuestionKind k = template.numeric() ? kind.getValue() : QuestionKind.CHOICE;
        show(Optional.of(template.generate(ThreadLocalRandom.current().nextLong(1L << 48), k)));
    }

    private void nextQuestion() {
        if (reviewing) {
            Optional<ReviewDraw> review = progress.nextReview(userId.get(), kind.getValue());
            if (review.isPresent()) {
                reviewNote.setText("Review: " + review.get().dueCount()
                        + " due. Each review brings new numbers for a concept you have met.");
                show(review.map(ReviewDraw::question));
                return;
            }
            reviewing = false;
            reviewNote.setText("No reviews are due; on with the drill.");
        }
        long seed = ThreadLocalRandom.current().nextLong(1L << 48);
        show(catalog.draw(topics.getValue(), difficulty.getValue(), Optional.of(kind.getValue()), seed));
    }

    private void show(Optional<Question> q) {
        questionArea.removeAll();
        feedback.removeAll();
        attempt = 0;
        missed.clear();
        if (q.isEmpty()) {
            current = null;
            questionArea.add(new Paragraph("No question matches these choices; widen them."));
            return;
        }
        current = q.get();
        shownAt = clock.instant();
        Paragraph meta = new Paragraph(current.topic().title() + " · " + current.difficulty().name().toLowerCase(Locale.ROOT));
        meta.addClassName("bw-question-meta");
        Paragraph text = new Paragraph(current.text());
        text.addClassName("bw-question-text");
        questionArea.add(meta, text);
        if (current.kind() == QuestionKind.CHOICE) {
            options.setItems(current.options());
            options.setValue(null);
            questionArea.add(options);
        } else {
            typed.clear();
            typed.setHelperText("A number with its unit, e.g. 13.48 GB or 12.55 GiB; without a unit it is read in "
                    + current.numeric().map(n -> n.unit().symbol()).orElse("the unit asked") + ".");
            typed.setWidthFull();
            questionArea.add(typed);
        }
        submit.setEnabled(true);
        next.setVisible(false);
        questionArea.add(new FlexLayout(submit, next));
    }

    private void pick(int index) {
        if (current != null && current.kind() == QuestionKind.CHOICE && index < current.options().size()) {
            options.setValue(current.options().get(index));
        }
    }

    private void check() {
        if (current == null) {
            return;
        }
        String answer = current.kind() == QuestionKind.CHOICE
                ? Optional.ofNullable(options.getValue()).map(Option::id).orElse("") : typed.getValue();
        Optional<String> unusable = UserText.problem(answer);
        typed.setInvalid(unusable.isPresent());
        if (unusable.isPresent()) {
            typed.setErrorMessage(unusable.get());
            return;
        }
        if (missed.repeatedBy(attempt, answer)) {
            // Enter pressed again on the choice just marked wrong: not a second try, which would end the question.
            feedback.add(new Paragraph("That is the answer just marked wrong; choose another, then check."));
            return;
        }
        Grade grade = grader.grade(current, answer, attempt + 1);
        if (grade.correct().isEmpty()) {
            feedback.removeAll();
            feedback.add(new Paragraph(grade.feedback()));
            return;
        }
        // Saved before anything on the page changes: if saving fails, the page and the attempt count
        // stay as they were and the answer can be checked again (ServerErrorHandler says so).
        userId.ifPresent(id -> progress.record(id, current, answer, grade, Duration.between(shownAt, clock.instant())));
        feedback.removeAll();
        attempt++;
        boolean right = grade.correct().get();
        missed.graded(right, answer);
        feedback.add(Verdict.paragraph(right, grade.feedback()));
        grade.misconception().ifPresent(m -> {
            Span tag = new Span("Misconception: " + m.title());
            tag.addClassName("bw-misconception");
            feedback.add(tag);
            if (m != Misconception.WRONG_OPTION) {
                feedback.add(MisconceptionLink.of(m, grade.feedback()));
            }
        });
        if (Grader.over(grade, attempt)) {
            answered++;
            points += grade.score();
            streak = right ? streak + 1 : 0;
            submit.setEnabled(false);
            next.setVisible(true);
            feedback.add(new Paragraph("Answer: " + grade.expected()), new StepsView(grade.solution().steps()),
                    new Paragraph(grade.solution().takeaway()), new Anchor(grade.solution().lesson(), "Read the lesson"));
            next.focus();
        } else {
            grade.misconception().filter(m -> m != Misconception.WRONG_OPTION)
                    .flatMap(m -> WrongTurns.stepOf(grade.solution().steps(), m)).ifPresent(step -> {
                        Paragraph where = new Paragraph("That slip is made at the step \"" + step.name() + "\".");
                        where.addClassName("bw-wrong-step");
                        feedback.add(where);
                    });
            feedback.add(new Paragraph("Try once more for half the mark; the answer and the worked solution come "
                    + "after a second wrong answer."));
        }
        updateScore();
    }

    private void updateScore() {
        score.setText(String.format(Locale.ROOT, "Score %.1f / %d · streak %d", points, answered, streak));
        score.addClassName("bw-score");
    }
}
