package app.bytewise.classroom;

import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionId;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.QuestionTemplate;
import app.bytewise.drill.TemplateCatalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntToLongFunction;
import org.springframework.stereotype.Component;

/**
 * Turns a quiz into questions, deterministically. Each slot asks one template for everybody (the
 * pool shuffled by the quiz seed), so item statistics compare like with like; the numbers come from
 * seed(attempt seed, slot). Attempt n's seed is seed(quiz seed, attempt salt, salt, n), where the salt
 * is 0 for a shared quiz (every student's attempt n alike) and the student's id for a quiz with a
 * seed per student, so each attempt draws new numbers. Attempts recorded before they had a seed of
 * their own keep seed(quiz seed, salt, slot), the same for every attempt; the v-th exported variant
 * uses that form with the salt −v.
 */
@Component
public class QuizPlanner {

    private static final long ORDER_SALT = 0x5107;
    private static final long KIND_SALT = 0x4b1d;
    private static final long ATTEMPT_SALT = 0xa77e;

    private final TemplateCatalog catalog;

    public QuizPlanner(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    /** The templates a quiz may ask: any of its topics, at its difficulty, typed-number capable in numeric mode. */
    public List<QuestionTemplate> pool(QuizSettings settings) {
        Optional<QuestionKind> kind = settings.mode() == QuizMode.NUMERIC ? Optional.of(QuestionKind.NUMERIC)
                : Optional.empty();
        return settings.topics().stream().sorted()
                .flatMap(t -> catalog.matching(Optional.of(t), settings.difficulty(), kind).stream())
                .sorted(Comparator.comparing(QuestionTemplate::id))
                .toList();
    }

    /** The seed attempt {@code attemptNo} (from 1) of this student draws its numbers from. */
    public long attemptSeed(Quiz quiz, long studentId, int attemptNo) {
        return Seeds.of(quiz.getSeed(), ATTEMPT_SALT, salt(quiz, studentId), attemptNo);
    }

    /**
     * The question ids of one attempt, slot by slot. {@code attemptSeed} is the seed recorded with the
     * attempt; empty for an attempt recorded before attempts had seeds, whose numbers come from the
     * quiz seed and the student as they did then.
     */
    public List<QuestionId> questionIds(Quiz quiz, long studentId, Optional<Long> attemptSeed) {
        return attemptSeed.map(seed -> ids(quiz, slot -> Seeds.of(seed, slot)))
                .orElseGet(() -> ids(quiz, slot -> Seeds.of(quiz.getSeed(), salt(quiz, studentId), slot)));
    }

    /** The v-th variant (v ≥ 1) of the whole quiz, for export: same templates per slot, other numbers. */
    public List<QuestionId> variant(Quiz quiz, int v) {
        return ids(quiz, slot -> Seeds.of(quiz.getSeed(), -v, slot));
    }

    public Question question(QuestionId id) {
        return catalog.question(id).orElseThrow(() -> new IllegalStateException("no template for " + id));
    }

    public List<Question> questions(List<QuestionId> ids) {
        return ids.stream().map(this::question).toList();
    }

    private static long salt(Quiz quiz, long studentId) {
        return quiz.settings().seedPolicy() == SeedPolicy.PER_STUDENT ? studentId : 0;
    }

    /** The quiz's templates and kinds slot by slot, with the numbers {@code slotSeed} gives each slot. */
    private List<QuestionId> ids(Quiz quiz, IntToLongFunction slotSeed) {
        QuizSettings settings = quiz.settings();
        List<QuestionTemplate> slots = slots(quiz.getSeed(), settings);
        List<QuestionId> ids = new ArrayList<>(slots.size());
        for (int slot = 0; slot < slots.size(); slot++) {
            QuestionTemplate t = slots.get(slot);
            ids.add(new QuestionId(t.id(), kind(settings.mode(), t, quiz.getSeed(), slot),
                    slotSeed.applyAsLong(slot)));
        }
        return ids;
    }

    /** The pool in the quiz's order, repeated when the quiz asks more questions than there are templates. */
    private List<QuestionTemplate> slots(long quizSeed, QuizSettings settings) {
        List<QuestionTemplate> pool = new ArrayList<>(pool(settings));
        if (pool.isEmpty()) {
            throw new ClassroomException("No question matches this quiz's topics, difficulty and mode.");
        }
        Collections.shuffle(pool, new Random(Seeds.of(quizSeed, ORDER_SALT)));
        List<QuestionTemplate> slots = new ArrayList<>(settings.questionCount());
        for (int i = 0; i < settings.questionCount(); i++) {
            slots.add(pool.get(i % pool.size()));
        }
        return slots;
    }

    private static QuestionKind kind(QuizMode mode, QuestionTemplate t, long quizSeed, int slot) {
        if (!t.numeric()) {
            return QuestionKind.CHOICE; // conceptual templates have no number to type
        }
        return switch (mode) {
            case CHOICE -> QuestionKind.CHOICE;
            case NUMERIC -> QuestionKind.NUMERIC;
            case MIXED -> (Seeds.of(quizSeed, KIND_SALT, slot) & 1) == 0 ? QuestionKind.CHOICE : QuestionKind.NUMERIC;
        };
    }
}
