package app.bytewise.ui.classroom;

import app.bytewise.classroom.AnswerResult;
import app.bytewise.classroom.AttemptAnswers;
import app.bytewise.classroom.ClassroomException;
import app.bytewise.classroom.QuizPaper;
import app.bytewise.classroom.SubmissionResult;
import app.bytewise.classroom.Unanswered;
import app.bytewise.drill.Option;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionKind;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One attempt at an assignment: every question on one page, submitted all at once. Submitting with
 * questions unanswered asks first, since it uses up the attempt. After submitting, the score and each
 * answer's feedback replace the submit button.
 */
class QuizTaker extends Div {

    private final List<HasValue<?, ?>> fields = new ArrayList<>();
    private final List<Question> questions;
    private final Paragraph message = new Paragraph();
    private final Button submit = new Button("Submit all answers");
    private final Div feedback = new Div();
    private final int attemptNo;
    private final Function<AttemptAnswers, SubmissionResult> submitter;
    private final Runnable submitted;

    /** {@code submitter} saves the answers (one per question, in order) and returns the graded submission. */
    QuizTaker(QuizPaper paper, Function<AttemptAnswers, SubmissionResult> submitter, Runnable submitted) {
        addClassName("bw-quiz-taker");
        questions = paper.questions();
        attemptNo = paper.attemptNo();
        this.submitter = submitter;
        this.submitted = submitted;
        add(new H2(paper.title() + " · attempt " + paper.attemptNo()));
        paper.timeLimitMinutes().ifPresent(m -> add(new Paragraph("Time limit: " + m + " minutes from now.")));
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            Paragraph text = new Paragraph((i + 1) + ". " + q.text());
            text.addClassName("bw-question-text");
            add(text);
            if (q.kind() == QuestionKind.CHOICE) {
                RadioButtonGroup<Option> options = new RadioButtonGroup<>();
                options.setItems(q.options());
                options.setItemLabelGenerator(o -> o.id() + ")  " + o.text());
                options.addClassName("bw-options");
                fields.add(options);
                add(options);
            } else {
                TextField typed = new TextField("Your answer");
                typed.setHelperText("A number with its unit; without a unit it is read in "
                        + q.numeric().map(n -> n.unit().symbol()).filter(s -> !s.isEmpty()).orElse("the unit asked")
                        + ".");
                typed.setWidthFull();
                fields.add(typed);
                add(typed);
            }
        }
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submitOrAsk());
        add(submit, message, feedback);
    }

    /** Sends the answers, or first asks whether unanswered questions are meant; cancelling sends nothing. */
    private void submitOrAsk() {
        AttemptAnswers answers = AttemptAnswers.of(answers()).forAttempt(attemptNo);
        Unanswered unanswered = Unanswered.in(answers.answers());
        if (unanswered.none()) {
            send(answers);
            return;
        }
        ConfirmDialog ask = new ConfirmDialog();
        ask.setHeader("Unanswered questions");
        ask.setText(unanswered.summary() + ". Submit anyway?");
        ask.setConfirmText("Submit");
        ask.setCancelable(true);
        ask.setCancelText("Keep answering");
        ask.addConfirmListener(e -> send(answers.confirmingBlanks()));
        ask.open();
    }

    private void send(AttemptAnswers answers) {
        try {
            SubmissionResult result = submitter.apply(answers);
            showResult(result);
            submitted.run();
        } catch (ClassroomException refused) {
            message.setText(refused.getMessage());
        }
    }

    /** Fills in an answer as a candidate would: an option letter or the typed text. For tests and keyboard use. */
    void answer(int index, String answer) {
        HasValue<?, ?> field = fields.get(index);
        if (field instanceof TextField typed) {
            typed.setValue(answer);
        } else {
            @SuppressWarnings("unchecked")
            RadioButtonGroup<Option> options = (RadioButtonGroup<Option>) field;
            options.setValue(questions.get(index).option(answer).orElse(null));
        }
    }

    List<Question> questions() {
        return questions;
    }

    private List<String> answers() {
        List<String> answers = new ArrayList<>(fields.size());
        for (HasValue<?, ?> field : fields) {
            Object value = field.getValue();
            answers.add(value instanceof Option o ? o.id() : Optional.ofNullable(value).map(Object::toString).orElse(""));
        }
        return answers;
    }

    private void showResult(SubmissionResult result) {
        submit.setEnabled(false);
        fields.forEach(f -> f.setReadOnly(true));
        message.setText("Submitted. Score " + result.scoreText() + ".");
        message.addClassName("bw-score");
        for (AnswerResult a : result.answers()) {
            String verdict = a.grade().correct().map(c -> app.bytewise.ui.drill.Verdict.text(c, a.grade().feedback()))
                    .orElse("Not answered. " + a.grade().feedback());
            // Submitted, so every question is over: a miss shows its answer (the feedback never does).
            String answer = a.grade().correct().orElse(false) ? "" : " Answer: " + a.grade().expected() + ".";
            feedback.add(new Paragraph((a.slot() + 1) + ". " + verdict.strip() + answer));
        }
    }
}
