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
        Optional<Map.Entry<Misconception, BigDecimal>> mistake = nearestMistake(q, given);
        boolean nearerAnswer = mistake.isEmpty() || distance(expected.value(), given).compareTo(distance(mistake.get().getValue(), given)) < 0;
        if (expected.tolerance().accepts(expected.value(), given) && nearerAnswer) {
            if (wrongDimension) {
                return new Grade(Optional.of(true), credit * (1 - unitPenalty), shown, Optional.empty(),
                        "The number is right, but '" + a.unit().get().symbol() + "' is not a unit of this quantity: the "
                                + "answer is in " + expected.unit().symbol() + ".", q.solution());
            }
            return new Grade(Optional.of(true), credit, shown, Optional.empty(), "Correct: " + shown + ".", q.solution());
        }
        if (unitSlip(expected, a)) {
            // The figure is the answer read in the asked unit, labelled with another unit of the same kind
            // ("3 GB" for 3.000 GiB): named as that slip, not as a wrong computation.
            return new Grade(Optional.of(false), 0, shown, Optional.of(Misconception.UNIT_SLIP),
                    Misconception.UNIT_SLIP.title() + ": the question asks for " + expected.unit().symbol() + " and you wrote "
                            + a.unit().get().symbol() + ". " + Misconception.UNIT_SLIP.explanation(), q.solution());
        }
        if (mistake.isPresent()) {
            Misconception m = mistake.get().getKey();
            // No figure here: a retry must not be a copy (the answer comes once the question is over).
            return new Grade(Optional.of(false), 0, shown, Optional.of(m), m.title() + ". " + m.explanation(), q.solution());
        }
        return new Grade(Optional.of(false), 0, shown, Optional.empty(),
                "Not quite: that is outside the tolerance (" + expected.tolerance().describe() + ").", q.solution());
    }

    /** The misconception whose value is nearest {@code given}, among those within the tolerance (or ±2 %) of it. */
    private static Optional<Map.Entry<Misconception, BigDecimal>> nearestMistake(Question q, BigDecimal given) {
        Tolerance tolerance = q.numeric().orElseThrow().tolerance();
        return q.distractors().entrySet().stream()
                .filter(e -> tolerance.accepts(e.getValue(), given) || Tolerance.DEFAULT.accepts(e.getValue(), given))
                .min(java.util.Comparator.comparing(e -> distance(e.getValue(), given)));
    }

    /** |given − target| relative to the target, so that figures of different sizes compare fairly. */
    private static BigDecimal distance(BigDecimal target, BigDecimal given) {
        BigDecimal gap = target.subtract(given).abs();
        return target.signum() == 0 ? gap : gap.divide(target.abs(), java.math.MathContext.DECIMAL64);
    }

    /** A typed unit of the same kind but another size (GB for GiB, MB for MiB) on the number that is right in the asked unit. */
    private static boolean unitSlip(NumericAnswer expected, ParsedAnswer a) {
        return a.unit().filter(u -> u.dimension() == expected.unit().dimension() && !u.equals(expected.unit()))
                .map(u -> expected.tolerance().accepts(expected.value(), expected.unit().toBase(a.number())))
                .orElse(false);
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
