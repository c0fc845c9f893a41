package app.bytewise.drill;

import app.bytewise.drill.answer.Dimension;
import app.bytewise.drill.answer.Unit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A template whose answer is computed by the engine. For multiple choice, the wrong options are
 * the values the scenario's misconceptions lead to, kept only when they differ from the answer by
 * more than the tolerance and from each other after rounding to what is shown. The tolerance is
 * narrowed below half the gap to the nearest mistake ({@link NumericAnswer#narrowedFor}).
 */
public abstract class NumericTemplate implements QuestionTemplate {

    static final String[] LETTERS = {"A", "B", "C", "D", "E"};

    private final String id;
    private final Topic topic;
    private final Difficulty difficulty;

    protected NumericTemplate(String id, Topic topic, Difficulty difficulty) {
        this.id = id;
        this.topic = topic;
        this.difficulty = difficulty;
    }

    protected NumericTemplate(TemplateKey key) {
        this(key.id(), key.topic(), key.difficulty());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Topic topic() {
        return topic;
    }

    @Override
    public Difficulty difficulty() {
        return difficulty;
    }

    @Override
    public boolean numeric() {
        return true;
    }

    /** Draws the scenario's parameters from {@code random} and computes it with the engine. */
    protected abstract Scenario scenario(SplittableRandom random);

    @Override
    public Question generate(long seed, QuestionKind kind) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id.hashCode());
        // Some draws make misconceptions coincide (e.g. a 2× GQA group equals the FP32 mistake); those
        // draws are replaced by the next ones from the same generator, so the result stays seed-determined.
        Scenario s = scenario(random);
        NumericAnswer answer = s.answer().narrowedFor(withUnitMixUps(s).values());
        Map<Misconception, BigDecimal> wrong = usableDistractors(answer, withUnitMixUps(s));
        for (int redraw = 0; redraw < 50 && wrong.size() < 3; redraw++) {
            s = scenario(random);
            answer = s.answer().narrowedFor(withUnitMixUps(s).values());
            wrong = usableDistractors(answer, withUnitMixUps(s));
        }
        s = new Scenario(Plurals.singularAfterOne(s.text()), s.answer(), s.wrong(), s.steps(), s.takeaway());
        Solution solution = new Solution(s.steps(), s.takeaway(), Lessons.of(topic));
        QuestionId qid = new QuestionId(id, kind, seed);
        if (kind == QuestionKind.NUMERIC) {
            String text = s.text() + (answer.unit().symbol().isEmpty() ? " Answer with a number." : " Answer in " + answer.unit().symbol() + ".");
            return new Question(qid, topic, difficulty, kind, text, List.of(), java.util.Optional.of(answer), wrong, solution);
        }
        if (wrong.size() < 3) {
            throw new IllegalStateException(id + " seed " + seed + ": only " + wrong.size() + " distinct distractors");
        }
        List<Map.Entry<Misconception, BigDecimal>> chosen = new ArrayList<>(wrong.entrySet()).subList(0, Math.min(4, wrong.size()));
        List<Option> options = new ArrayList<>();
        options.add(new Option("", answer.expected(), true, null, s.takeaway()));
        for (Map.Entry<Misconception, BigDecimal> e : chosen) {
            options.add(new Option("", answer.format(e.getValue()), false, e.getKey(), e.getKey().explanation()));
        }
        shuffle(options, random);
        List<Option> lettered = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            Option o = options.get(i);
            lettered.add(new Option(LETTERS[i], o.text(), o.correct(), o.misconception(), o.explanation()));
        }
        return new Question(qid, topic, difficulty, kind, s.text(), lettered, java.util.Optional.of(answer), wrong, solution);
    }

    /** Adds the GB/GiB mix-up for byte answers asked in GB or GiB. */
    private static Map<Misconception, BigDecimal> withUnitMixUps(Scenario s) {
        Map<Misconception, BigDecimal> all = new LinkedHashMap<>(s.wrong());
        Unit unit = s.answer().unit();
        if (unit.dimension() == Dimension.BYTES) {
            BigDecimal v = s.answer().value();
            BigDecimal ratio = BigDecimal.valueOf(1L << 30).divide(BigDecimal.valueOf(1_000_000_000L), MathContext.DECIMAL64);
            if (unit.equals(Unit.GB)) {
                all.putIfAbsent(Misconception.GIB_AS_GB, v.divide(ratio, MathContext.DECIMAL64));
            } else if (unit.equals(Unit.GIB_UNIT)) {
                all.putIfAbsent(Misconception.GB_AS_GIB, v.multiply(ratio));
            }
        }
        return all;
    }

    /** Distractors that a learner can tell apart from the answer and from each other. */
    static Map<Misconception, BigDecimal> usableDistractors(NumericAnswer answer, Map<Misconception, BigDecimal> candidates) {
        Map<Misconception, BigDecimal> usable = new LinkedHashMap<>();
        List<String> shown = new ArrayList<>(List.of(answer.expected()));
        for (Map.Entry<Misconception, BigDecimal> e : candidates.entrySet()) {
            BigDecimal value = e.getValue();
            String text = answer.format(value);
            boolean nearAnother = usable.values().stream().anyMatch(v -> Tolerance.DEFAULT.accepts(v, value)
                    || Tolerance.DEFAULT.accepts(value, v) || answer.tolerance().accepts(v, value)
                    || answer.tolerance().accepts(value, v));
            if (value.signum() <= 0 || shown.contains(text) || nearAnother || answer.indistinguishable(value)
                    || answer.tolerance().accepts(answer.value(), value)) {
                continue;
            }
            shown.add(text);
            usable.put(e.getKey(), value);
        }
        return usable;
    }

    static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }
}
