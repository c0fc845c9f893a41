package app.bytewise.ui.drill;

import app.bytewise.drill.Option;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.interview.Interview;
import app.bytewise.drill.interview.InterviewAnswers;
import app.bytewise.drill.interview.InterviewDraw;
import app.bytewise.drill.interview.InterviewId;
import app.bytewise.drill.interview.InterviewMarking;
import app.bytewise.drill.interview.InterviewPlan;
import app.bytewise.drill.interview.InterviewReport;
import app.bytewise.drill.scenario.ScenarioStep;
import app.bytewise.security.UserText;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The mock interview: choose a length and a time limit, answer the questions and the scenario's
 * steps with no feedback, then read the report. The sitting lives in the session, so leaving and
 * coming back resumes it; when time runs out whatever is unanswered counts as blank.
 */
@Route("interview")
@PageTitle("Mock interview | Bytewise")
@AnonymousAllowed
public class InterviewView extends VerticalLayout {

    /** How often the page asks the server whether time is up, and refreshes the clock. */
    static final int POLL_MILLIS = 5_000;

    private final InterviewDraw draw;
    private final InterviewMarking marking;
    private final Clock clock;
    private final Select<Integer> length = new Select<>();
    private final Select<Integer> minutes = new Select<>();
    private final Div body = new Div();
    private final Span timeLeft = new Span();
    private Registration polling;

    public InterviewView(InterviewDraw draw, InterviewMarking marking, Clock clock) {
        this.draw = draw;
        this.marking = marking;
        this.clock = clock;
        addClassName("bw-page");
        addClassName("bw-interview");
        length.setLabel("Questions");
        length.setItems(InterviewPlan.QUESTION_OPTIONS);
        length.setItemLabelGenerator(n -> n + " questions + 1 scenario");
        length.setValue(InterviewPlan.STANDARD.questions());
        minutes.setLabel("Time limit");
        minutes.setItems(InterviewPlan.MINUTE_OPTIONS);
        minutes.setItemLabelGenerator(m -> m + " minutes");
        minutes.setValue(InterviewPlan.STANDARD.minutes());
        timeLeft.addClassName("bw-interview-clock");
        add(new H1("Mock interview"), body);
        render();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(POLL_MILLIS);
        polling = event.getUI().addPollListener(e -> tick(clock.instant()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    private Optional<InterviewSitting> sitting() {
        return Optional.ofNullable(VaadinSession.getCurrent().getAttribute(InterviewSitting.class));
    }

    /** The interview under way, for tests. */
    Interview interview() {
        return sitting().map(InterviewSitting::interview).orElse(null);
    }

    Optional<InterviewReport> report() {
        return sitting().flatMap(InterviewSitting::report);
    }

    void start() {
        InterviewPlan plan = new InterviewPlan(length.getValue(), minutes.getValue());
        Interview iv = draw.draw(new InterviewId(plan, ThreadLocalRandom.current().nextLong(1L << 48)));
        VaadinSession.getCurrent().setAttribute(InterviewSitting.class,
                new InterviewSitting(iv, clock.instant().plus(plan.limit())));
        render();
    }

    /** Refreshes the clock; past the deadline the interview is marked with what was entered. */
    void tick(Instant now) {
        sitting().filter(s -> s.report().isEmpty()).ifPresent(s -> {
            if (now.isAfter(s.deadline())) {
                finish(true);
            } else {
                Duration left = Duration.between(now, s.deadline());
                timeLeft.setText(String.format(Locale.ROOT, "Time left %d:%02d", left.toMinutes(), left.toSecondsPart()));
            }
        });
    }

    void finish(boolean timedOut) {
        sitting().filter(s -> s.report().isEmpty()).ifPresent(s -> {
            s.report(marking.report(s.interview(), s.answers(), timedOut || clock.instant().isAfter(s.deadline())));
            render();
        });
    }

    private void render() {
        body.removeAll();
        Optional<InterviewSitting> s = sitting();
        if (s.isEmpty()) {
            renderSetup();
        } else if (s.get().report().isPresent()) {
            Button again = new Button("New interview", e -> {
                VaadinSession.getCurrent().setAttribute(InterviewSitting.class, null);
                render();
            });
            body.add(new InterviewReportPanel(s.get().report().get()), again);
        } else {
            renderSitting(s.get());
        }
    }

    private void renderSetup() {
        Paragraph how = new Paragraph("Mixed questions from every topic and one multi-step scenario, against the clock. "
                + "Nothing is graded until the end; then a report per topic, the misconceptions your answers showed, "
                + "and every worked solution. Unanswered questions count as blank.");
        how.addClassName("bw-question-meta");
        Button go = new Button("Start interview", e -> start());
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout choices = new FlexLayout(length, minutes);
        choices.addClassName("bw-drill-filters");
        body.add(how, choices, go);
    }

    private void renderSitting(InterviewSitting s) {
        tick(clock.instant());
        Interview iv = s.interview();
        body.add(timeLeft);
        for (int i = 0; i < iv.questions().size(); i++) {
            Question q = iv.questions().get(i);
            String id = q.id().toString();
            body.add(item("Question " + (i + 1) + " · " + q.topic().title(), q, s.answer(id), text -> s.answer(id, text)));
        }
        body.add(new H2(iv.scenario().title()), premise(iv.scenario().premise()));
        for (int i = 0; i < iv.scenario().steps().size(); i++) {
            ScenarioStep step = iv.scenario().step(i);
            int index = i;
            body.add(item("Step " + (i + 1) + ": " + step.title(), step.question(), s.step(i), text -> s.step(index, text)));
        }
        Button done = new Button("Finish and see the report", e -> finish(false));
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        body.add(done);
    }

    private static Paragraph premise(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("bw-question-text");
        return p;
    }

    /** A question with its input; what is entered is kept in the sitting as it changes. */
    private Div item(String heading, Question q, String entered, Consumer<String> keep) {
        Div box = new Div();
        box.addClassName("bw-interview-item");
        box.add(new H3(heading), premise(q.text()));
        if (q.kind() == QuestionKind.CHOICE) {
            RadioButtonGroup<Option> options = new RadioButtonGroup<>();
            options.setItems(q.options());
            options.setItemLabelGenerator(o -> o.id() + ")  " + o.text());
            options.addClassName("bw-options");
            q.option(entered).ifPresent(options::setValue);
            options.addValueChangeListener(e -> keep(keep, e.getValue() == null ? "" : e.getValue().id()));
            box.add(options);
        } else {
            TextField typed = new TextField("Your answer");
            typed.setHelperText("A number with its unit; a bare number is read in "
                    + q.numeric().map(n -> n.unit().symbol()).orElse("the unit asked") + ".");
            typed.setWidthFull();
            typed.setValue(entered);
            typed.addValueChangeListener(e -> {
                Optional<String> unusable = UserText.problem(e.getValue());
                typed.setInvalid(unusable.isPresent());
                unusable.ifPresent(typed::setErrorMessage);
                keep(keep, unusable.isPresent() ? "" : e.getValue());
            });
            box.add(typed);
        }
        return box;
    }

    /** An answer entered after the deadline is not kept: the interview is marked instead. */
    private void keep(Consumer<String> keep, String text) {
        boolean late = sitting().map(s -> clock.instant().isAfter(s.deadline())).orElse(true);
        if (late) {
            finish(true);
        } else {
            keep.accept(text.length() > InterviewAnswers.MAX_ANSWER_CHARS
                    ? text.substring(0, InterviewAnswers.MAX_ANSWER_CHARS) : text);
        }
    }
}
