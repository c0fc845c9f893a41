package app.bytewise.drill;

import app.bytewise.drill.answer.AnswerParser;
import app.bytewise.drill.answer.ParsedAnswer;
import app.bytewise.drill.answer.Unit;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Grades answers: option ids for multiple choice, typed numbers with units for numeric questions.
 * A wrong number that lands on a misconception's value is diagnosed with it. The feedback of a wrong
 * answer never states the answer: {@link Grade#expected()} and the solution are for once the question
 * is over ({@link #over}), so that a second try cannot be a copy.
 *
 * @param unitPenalty share of the mark lost when the number is right but the unit's dimension is wrong
 * @param retryCredit share of the mark a correct second (or later) try earns
 */
public record Grader(double unitPenalty, double retryCredit) {

    public static final Grader DEFAULT = new Grader(0.25, 0.5);

    public Grade grade(Question q, String answer, int attempt) {
        double credit = attempt <= 1 ? 1 : retryCredit;
        return q.kind() == QuestionKind.CHOICE ? choice(q, answer, credit) : numeric(q, answer, credit);
    }

    private Grade choice(Question q, String answer, double credit) {
        Option correct = q.correctOption().orElseThrow();
        Optional<Option> picked = answer == null ? Optional.empty() : q.option(answer);
        if (picked.isEmpty()) {
            return new Grade(Optional.empty(), 0, correct.id(), Optional.empty(),
                    "Answer with one of the option letters " + String.join(", ", q.options().stream().map(Option::id).toList()) + ".",
                    q.solution());
        }
        Option o = picked.get();
        if (o.correct()) {
            return new Grade(Optional.of(true), credit, correct.id() + ": " + correct.text(), Optional.empty(),
                    "Correct. " + o.explanation(), q.solution());
        }
        return new Grade(Optional.of(false), 0, correct.id() + ": " + correct.text(), Optional.ofNullable(o.misconception()),
                (o.misconception() == null || o.misconception() == Misconception.WRONG_OPTION ? "" : o.misconception().title() + ". ")
                        + o.explanation(), q.solution());
    }

    private Grade numeric(Question q, String answer, double credit) {
        NumericAnswer expected = q.numeric().orElseThrow();
        String shown = expected.expected();
        AnswerParser.Result parsed = AnswerParser.parse(answer, expected.unit().dimension());
        if (!parsed.ok()) {
            return new Grade(Optional.empty(), 0, shown, Optional.empty(), parsed.problem(), q.solution());
        }
        ParsedAnswer a = parsed.answer().get();
        boolean wrongDimension = a.unit().map(u -> u.dimension() != expected.unit().dimension()).orElse(false);
        BigDecimal given = wrongDimension ? a.number().multiply(expected.unit().factor()) : a.inBase(expected.unit());
        if (expected.tolerance().accepts(expected.value(), given)) {
            if (wrongDimension) {
                return new Grade(Optional.of(true), credit * (1 - unitPenalty), shown, Optional.empty(),
                        "The number is right, but '" + a.unit().get().symbol() + "' is not a unit of this quantity: the "
                                + "answer is in " + expected.unit().symbol() + ".", q.solution());
            }
            return new Grade(Optional.of(true), credit, shown, Optional.empty(), "Correct: " + shown + ".", q.solution());
        }
        for (Map.Entry<Misconception, BigDecimal> e : q.distractors().entrySet()) {
            if (expected.tolerance().accepts(e.getValue(), given) || Tolerance.DEFAULT.accepts(e.getValue(), given)) {
                Misconception m = e.getKey();
                // No figure here: a retry must not be a copy (the answer comes once the question is over).
                return new Grade(Optional.of(false), 0, shown, Optional.of(m), m.title() + ". " + m.explanation(),
                        q.solution());
            }
        }
        return new Grade(Optional.of(false), 0, shown, Optional.empty(),
                "Not quite: that is outside the tolerance (" + expected.tolerance().describe() + ").", q.solution());
    }

    /** Whether a question is over after this grade on this attempt: answered right, or a second readable miss. */
    public static boolean over(Grade g, int attempt) {
        return g.correct().isPresent() && (g.correct().get() || attempt >= 2);
    }

    /** The unit a bare number is read in. */
    static Unit assumedUnit(Question q) {
        return q.numeric().map(NumericAnswer::unit).orElse(Unit.ONE);
    }
}
