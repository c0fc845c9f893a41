package app.bytewise.progress;

import app.bytewise.drill.Grade;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionId;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.QuestionTemplate;
import app.bytewise.drill.TemplateCatalog;
import app.bytewise.drill.Topic;
import app.bytewise.progress.fsrs.Fsrs;
import app.bytewise.progress.fsrs.FsrsCard;
import app.bytewise.progress.fsrs.Rating;
import app.bytewise.security.UserText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.data.domain.PageRequest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's progress: records graded answers and answers questions about them. Every method takes
 * the user's id and reads or writes only that user's rows; callers pass the signed-in user's id.
 * Calendar days are those of the application clock's time zone.
 */
@Service
public class ProgressService {

    private static final Map<String, Misconception> MISCONCEPTIONS = Arrays.stream(Misconception.values())
            .collect(Collectors.toUnmodifiableMap(Misconception::id, Function.identity()));

    private final AttemptRepository attempts;
    private final TopicMasteryRepository masteries;
    private final ReviewCardRepository cards;
    private final TemplateCatalog catalog;
    private final Clock clock;
    private final EloMastery elo = EloMastery.DEFAULT;
    private final Fsrs fsrs = Fsrs.DEFAULT;

    private final TransactionTemplate transaction;

    public ProgressService(AttemptRepository attempts, TopicMasteryRepository masteries, ReviewCardRepository cards,
            TemplateCatalog catalog, Clock clock, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.attempts = attempts;
        this.masteries = masteries;
        this.cards = cards;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Stores one graded answer and, in the same transaction, moves the topic's rating and the
     * template's review card. Call it for every graded try (a second try too); an unreadable answer is
     * stored but changes neither rating nor card, since it says nothing about what the learner knows.
     *
     * @param timeTaken from showing the question to submitting; zero when unknown (then never "fast")
     */
    public RecordedAttempt record(long userId, Question question, String answer, Grade grade, Duration timeTaken) {
        UserText.require("answer", answer);
        try {
            return transaction.execute(s -> recordOnce(userId, question, answer, grade, timeTaken));
        } catch (DataIntegrityViolationException firstAnswersRaced) {
            // Two first answers on one topic or template (two tabs) both tried to create its row. The
            // loser's transaction was rolled back whole, its attempt too; run again, it finds the row.
            return transaction.execute(s -> recordOnce(userId, question, answer, grade, timeTaken));
        }
    }

    private RecordedAttempt recordOnce(long userId, Question question, String answer, Grade grade, Duration timeTaken) {
        // The columns keep microseconds; cutting here makes the returned due date the one stored.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Attempt attempt = attempts.save(new Attempt(userId, question.id(), question.topic(), question.difficulty(),
                answer, grade.correct(), grade.score(), grade.misconception().map(Misconception::id), timeTaken, now));
        Optional<Rating> rating = ReviewRating.of(grade, question.difficulty(), timeTaken);
        TopicMastery mastery = masteries.findForUpdate(userId, question.topic())
                .orElseGet(() -> new TopicMastery(userId, question.topic(), now));
        Optional<Instant> nextReview = Optional.empty();
        if (rating.isPresent()) {
            mastery.apply(elo.update(mastery.skill(), question.difficulty(), grade.score()), now);
            masteries.save(mastery);
            String template = question.id().template();
            ReviewCard card = cards.findForUpdate(userId, template)
                    .orElseGet(() -> new ReviewCard(userId, template, question.topic(), now));
            FsrsCard after = fsrs.review(card.memory(), rating.get(), now);
            card.apply(rating.get(), after);
            cards.save(card);
            nextReview = Optional.of(after.due());
        }
        return new RecordedAttempt(attempt.getId(), rating, elo.mastery(mastery.skill().rating()), nextReview);
    }

    /** Every topic in catalog order; unpractised ones have no attempts and the starting mastery. */
    @Transactional(readOnly = true)
    public List<MasteryFigure> mastery(long userId) {
        Map<Topic, TopicSkill> skills = masteries.findByUserId(userId).stream()
                .collect(Collectors.toMap(TopicMastery::getTopic, TopicMastery::skill));
        return Arrays.stream(Topic.values()).map(t -> {
            TopicSkill s = skills.getOrDefault(t, TopicSkill.NEW);
            return new MasteryFigure(t, elo.mastery(s.rating()), s.rating(), s.attempts());
        }).toList();
    }

    /** Accuracy per calendar day over the last {@code days} days (today included), oldest first; days without answers are left out. */
    @Transactional(readOnly = true)
    public List<DailyAccuracy> accuracyByDay(long userId, int days) {
        LocalDate first = LocalDate.now(clock).minusDays(Math.max(days, 1) - 1L);
        Instant from = first.atStartOfDay(clock.getZone()).toInstant();
        Map<LocalDate, int[]> byDay = new TreeMap<>();
        for (Attempt a : attempts.findByUserIdAndAnsweredAtGreaterThanEqualOrderByAnsweredAt(userId, from)) {
            a.getCorrect().ifPresent(right -> {
                int[] counts = byDay.computeIfAbsent(day(a.getAnsweredAt()), d -> new int[2]);
                counts[0]++;
                counts[1] += right ? 1 : 0;
            });
        }
        List<DailyAccuracy> result = new ArrayList<>();
        byDay.forEach((day, counts) -> result.add(new DailyAccuracy(day, counts[0], counts[1])));
        return result;
    }

    /** Both streaks; see {@link Streak} for how each is counted. */
    @Transactional(readOnly = true)
    public Streak streak(long userId) {
        int days;
        try (Stream<Instant> times = attempts.streamAnswerTimesNewestFirst(userId)) {
            days = consecutiveDays(times.map(this::day).distinct().iterator(), LocalDate.now(clock));
        }
        int correct;
        try (Stream<Boolean> verdicts = attempts.streamVerdictsNewestFirst(userId)) {
            correct = (int) verdicts.takeWhile(Boolean::booleanValue).count();
        }
        return new Streak(days, correct);
    }

    /**
     * The {@code limit} misconceptions diagnosed most often, most frequent first. "Picked another
     * option" is left out: it names no mistake to work on.
     */
    @Transactional(readOnly = true)
    public List<MisconceptionCount> frequentMisconceptions(long userId, int limit) {
        return attempts.countMisconceptions(userId, Misconception.WRONG_OPTION.id(), PageRequest.of(0, Math.max(limit, 1)))
                .stream()
                .filter(t -> MISCONCEPTIONS.containsKey(t.misconceptionId()))
                .map(t -> new MisconceptionCount(MISCONCEPTIONS.get(t.misconceptionId()), t.count()))
                .toList();
    }

    /** Templates due for review now, most overdue first, and when the next one falls due. */
    @Transactional(readOnly = true)
    public ReviewQueue reviewQueue(long userId) {
        Instant now = clock.instant();
        List<DueReview> due = cards.findByUserIdAndDueLessThanEqualOrderByDueAscIdAsc(userId, now).stream()
                .filter(c -> catalog.find(c.getTemplateId()).isPresent())
                .map(c -> new DueReview(c.getTemplateId(), c.getTopic(), c.getDue()))
                .toList();
        Optional<Instant> next = cards.findFirstByUserIdAndDueGreaterThanOrderByDueAsc(userId, now)
                .map(ReviewCard::getDue);
        return new ReviewQueue(due, next);
    }

    /** The most overdue template drawn with a fresh seed, as multiple choice; empty when nothing is due. */
    @Transactional(readOnly = true)
    public Optional<Question> nextReviewQuestion(long userId) {
        return nextReview(userId, QuestionKind.CHOICE).map(ReviewDraw::question);
    }

    /**
     * The most overdue template drawn with a fresh seed, so a review asks the same skill with new
     * numbers; typed when {@code kind} is numeric and the template allows it, else multiple choice.
     * One read of the queue gives both the question and the count of reviews due.
     */
    @Transactional(readOnly = true)
    public Optional<ReviewDraw> nextReview(long userId, QuestionKind kind) {
        ReviewQueue queue = reviewQueue(userId);
        // The queue holds only templates the catalog still has, so the most overdue one can be drawn.
        return queue.due().stream().findFirst().flatMap(due -> {
            QuestionTemplate template = catalog.find(due.templateId()).orElseThrow();
            QuestionKind k = kind == QuestionKind.NUMERIC && template.numeric()
                    ? QuestionKind.NUMERIC : QuestionKind.CHOICE;
            // Seeds below 2^48 keep question ids short, as the drill page draws them.
            long seed = ThreadLocalRandom.current().nextLong(1L << 48);
            return catalog.question(new QuestionId(due.templateId(), k, seed));
        }).map(question -> new ReviewDraw(question, queue.dueCount()));
    }

    /** How many answers the user has recorded; 0 for a new learner. */
    @Transactional(readOnly = true)
    public long attemptCount(long userId) {
        return attempts.countByUserId(userId);
    }

    /** The {@code limit} most recent attempts, newest first. */
    @Transactional(readOnly = true)
    public List<Attempt> recentAttempts(long userId, int limit) {
        return attempts.findByUserIdOrderByAnsweredAtDescIdDesc(userId, PageRequest.of(0, Math.max(limit, 1)));
    }

    private LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, clock.getZone());
    }

    /** Days in a row, newest first, counting back from today, or from yesterday if today has none yet. */
    static int consecutiveDays(Iterator<LocalDate> daysNewestFirst, LocalDate today) {
        if (!daysNewestFirst.hasNext()) {
            return 0;
        }
        LocalDate expected = daysNewestFirst.next();
        if (expected.isBefore(today.minusDays(1))) {
            return 0;
        }
        int count = 1;
        while (daysNewestFirst.hasNext() && daysNewestFirst.next().equals(expected.minusDays(1))) {
            expected = expected.minusDays(1);
            count++;
        }
        return count;
    }
}
