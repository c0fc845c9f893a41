package app.bytewise.ui.drill;

import app.bytewise.drill.Misconception;
import app.bytewise.drill.Option;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.scenario.ScenarioCatalog;
import app.bytewise.drill.scenario.ScenarioGrader;
import app.bytewise.drill.scenario.ScenarioId;
import app.bytewise.drill.scenario.ScenarioStep;
import app.bytewise.drill.scenario.ScenarioTemplate;
import app.bytewise.drill.scenario.StepScenario;
import app.bytewise.security.UserText;
import app.bytewise.ui.StepsView;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
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
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A multi-step scenario: the premise, then one step at a time, each graded on its own. A miss names
 * its misconception at that step; the step's answer and solution come once it is over (right, or a
 * second miss), and only then does the next step open, graded against the correct earlier values.
 */
@Route("scenarios")
@PageTitle("Scenarios | Bytewise")
@AnonymousAllowed
public class ScenariosView extends VerticalLayout implements BeforeEnterObserver {

    private final ScenarioCatalog scenarios;
    private final ScenarioGrader grader;
    private final Select<ScenarioTemplate> template = new Select<>();
    private final Paragraph premise = new Paragraph();
    private final Div stepsArea = new Div();
    private final Span score = new Span();
    private StepScenario current;
    private int index;
    private int attempt;
    private final FirstMiss missed = new FirstMiss();
    private double points;
    private TextField typed;
    private RadioButtonGroup<Option> options;
    private Button check;
    private Div feedback;

    public ScenariosView(ScenarioCatalog scenarios, ScenarioGrader grader) {
        this.scenarios = scenarios;
        this.grader = grader;
        addClassName("bw-page");
        addClassName("bw-scenarios");
        template.setLabel("Scenario");
        template.setItems(scenarios.all());
        template.setItemLabelGenerator(ScenarioTemplate::title);
        template.setValue(scenarios.all().getFirst());
        template.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                fresh();
            }
        });
        Button another = new Button("New scenario", e -> fresh());
        score.addClassName("bw-score");
        FlexLayout bar = new FlexLayout(template, another, score);
        bar.addClassName("bw-drill-filters");
        premise.addClassName("bw-question-text");
        Paragraph how = new Paragraph("Enter each step as a number with its unit (a bare number is read in the unit "
                + "asked). Each step is graded against the correct values of the steps before it.");
        how.addClassName("bw-question-meta");
        add(new H1("Scenarios"), how, bar, premise, stepsArea);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // ?id=deploy-fp16-or-int4.4d reopens that very scenario; ?template= starts a fresh one of a template.
        var params = event.getLocation().getQueryParameters();
        Optional<StepScenario> named = params.getSingleParameter("id").flatMap(ScenariosView::parse)
                .flatMap(scenarios::scenario);
        params.getSingleParameter("template").flatMap(scenarios::find).ifPresent(template::setValue);
        if (named.isPresent()) {
            scenarios.find(named.get().id().template()).ifPresent(template::setValue);
            show(named.get());
        } else if (current == null || params.getSingleParameter("template").isPresent()) {
            fresh();
        }
    }

    private static Optional<ScenarioId> parse(String text) {
        try {
            return Optional.of(ScenarioId.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The scenario on screen and the step being answered, for tests. */
    StepScenario current() {
        return current;
    }

    int stepIndex() {
        return index;
    }

    void answer(String text) {
        if (options != null) {
            current.step(index).question().option(text).ifPresent(options::setValue);
        } else if (typed != null) {
            typed.setValue(text);
        }
        check();
    }

    private void fresh() {
        show(template.getValue().draw(ThreadLocalRandom.current().nextLong(1L << 48)));
    }

    private void show(StepScenario s) {
        current = s;
        index = 0;
        points = 0;
        premise.setText(s.premise());
        stepsArea.removeAll();
        openStep();
    }

    private void openStep() {
        attempt = 0;
        ScenarioStep step = current.step(index);
        Div box = new Div();
        box.addClassName("bw-scenario-step");
        box.add(new H3(String.format(Locale.ROOT, "Step %d of %d: %s", index + 1, current.steps().size(), step.title())));
        Paragraph text = new Paragraph(step.question().text());
        text.addClassName("bw-question-text");
        box.add(text);
        typed = null;
        options = null;
        if (step.question().kind() == QuestionKind.CHOICE) {
            options = new RadioButtonGroup<>();
            options.setItems(step.question().options());
            options.setItemLabelGenerator(o -> o.id() + ")  " + o.text());
            options.addClassName("bw-options");
            box.add(options);
        } else {
            typed = new TextField("Your answer");
            typed.setHelperText("e.g. 24.24 GiB; a bare number is read in "
                    + step.question().numeric().map(n -> n.unit().symbol()).orElse("the unit asked") + ".");
            typed.setWidthFull();
            box.add(typed);
        }
        missed.clear();
        check = new Button("Check", e -> check());
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickShortcut(Key.ENTER);
        feedback = new Div();
        feedback.addClassName("bw-feedback");
        box.add(check, feedback);
        stepsArea.add(box);
        updateScore();
    }

    private void check() {
        if (current == null || check == null) {
            return;
        }
        String answer = options != null ? Optional.ofNullable(options.getValue()).map(Option::id).orElse("")
                : typed.getValue();
        Optional<String> unusable = UserText.problem(answer);
        if (typed != null) {
            typed.setInvalid(unusable.isPresent());
            unusable.ifPresent(typed::setErrorMessage);
        }
        if (unusable.isPresent()) {
            return;
        }
        if (missed.repeatedBy(attempt, answer)) {
            // Enter pressed again on the answer just marked wrong: not the second try, which would end the step.
            feedback.add(new Paragraph("That is the answer just marked wrong: change it to use your second try."));
            return;
        }
        ScenarioGrader.StepGrade g = grader.grade(current, index, answer, attempt + 1);
        feedback.removeAll();
        if (g.grade().correct().isEmpty()) {
            feedback.add(new Paragraph(g.grade().feedback()));
            return;
        }
        attempt++;
        boolean right = g.grade().correct().get();
        missed.graded(right, answer);
        feedback.add(Verdict.paragraph(right, g.grade().feedback()));
        g.grade().misconception().filter(m -> m != Misconception.WRONG_OPTION).ifPresent(m -> {
            Span tag = new Span("Misconception: " + m.title());
            tag.addClassName("bw-misconception");
            Paragraph where = new Paragraph("That slip is made at this step: " + g.step().title() + ".");
            where.addClassName("bw-wrong-step");
            feedback.add(tag, where, MisconceptionLink.of(m, g.grade().feedback()));
        });
        if (!g.over()) {
            feedback.add(new Paragraph("Try once more for half the mark; this step's answer and solution come after a "
                    + "second wrong answer."));
            return;
        }
        points += g.grade().score();
        if (typed != null) {
            typed.setReadOnly(true);
        }
        if (options != null) {
            options.setReadOnly(true);
        }
        check.setEnabled(false);
        check.getParent().ifPresent(p -> ((Div) p).remove(check));
        check = null;
        feedback.add(new Paragraph("Answer: " + g.grade().expected()), new StepsView(g.grade().solution().steps()));
        if (index + 1 < current.steps().size()) {
            index++;
            openStep();
        } else {
            index = current.steps().size();
            Paragraph done = new Paragraph(String.format(Locale.ROOT, "Scenario done: %.1f of %d. %s", points,
                    current.steps().size(), current.takeaway()));
            done.addClassName("bw-scenario-done");
            stepsArea.add(done, new Anchor(g.grade().solution().lesson(), "Read the lesson"));
            updateScore();
        }
    }

    private void updateScore() {
        score.setText(String.format(Locale.ROOT, "Score %.1f · step %d of %d", points,
                Math.min(index + 1, current.steps().size()), current.steps().size()));
    }
}
