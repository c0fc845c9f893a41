package app.bytewise.progress;

import app.bytewise.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import app.bytewise.progress.fsrs.CardState;
import app.bytewise.progress.fsrs.Rating;
import app.bytewise.security.AccountService;
import app.bytewise.security.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/** The progress service on the H2 test database, with a clock the tests move. */
@SpringBootTest
@ActiveProfiles("test")
class ProgressServiceTest {

    private static final Instant MONDAY_NOON = Instant.parse("2026-03-02T12:00:00Z");
    private static final AtomicInteger USERS = new AtomicInteger();

    @TestConfiguration
    static class MondayClock {
        @Bean
        @Primary
        TestClock mutableClock() {
            return new TestClock(MONDAY_NOON);
        }
    }

    @Autowired
    private ProgressService progress;
    @Autowired
    private AccountService accounts;
    @Autowired
    private TemplateCatalog catalog;
    @Autowired
    private AttemptRepository attempts;
    @Autowired
    private ReviewCardRepository cards;
    @Autowired
    private TestClock clock;

    @BeforeEach
    void startOnMonday() {
        clock.set(MONDAY_NOON);
    }

    private long newUser() {
        // The in-memory database is shared by every test class in the run, so each test makes its own users.
        String name = "progress-" + System.nanoTime() % 1_000_000 + "-" + USERS.incrementAndGet();
        return accounts.registerCandidate(name, name, "a-long-password").getId();
    }

    private QuestionTemplate template(Topic topic, Difficulty difficulty) {
        return catalog.matching(Optional.of(topic), Optional.of(difficulty), Optional.empty()).getFirst();
    }

    private static Question choice(QuestionTemplate template, long seed) {
        return template.generate(seed, QuestionKind.CHOICE);
    }

    private RecordedAttempt answerRight(long user, Question q, Duration time) {
        String id = q.correctOption().orElseThrow().id();
        return progress.record(user, q, id, Grader.DEFAULT.grade(q, id, 1), time);
    }

    /** A wrong option, one with a named misconception where the question has one. */
    private static Option wrongOption(Question q) {
        return q.options().stream().filter(o -> !o.correct())
                .min(java.util.Comparator.comparing(o -> o.misconception() == null
                        || o.misconception() == Misconception.WRONG_OPTION))
                .orElseThrow();
    }

    private RecordedAttempt answerWrong(long user, Question q) {
        Option wrong = wrongOption(q);
        return progress.record(user, q, wrong.id(), Grader.DEFAULT.grade(q, wrong.id(), 1), Duration.ofSeconds(30));
    }

    @Test
    void oneCandidatesAttemptsNeverShowInAnothersProgress() {
        long ada = newUser();
        long grace = newUser();
        QuestionTemplate t = template(Topic.KV_CACHE, Difficulty.MEDIUM);
        answerRight(ada, choice(t, 11), Duration.ofSeconds(10));
        answerWrong(ada, choice(t, 12));

        assertThat(progress.attemptCount(ada)).isEqualTo(2);
        assertThat(progress.recentAttempts(ada, 10)).hasSize(2).allMatch(a -> a.getUserId() == ada);
        assertThat(progress.attemptCount(grace)).isZero();
        assertThat(progress.recentAttempts(grace, 10)).isEmpty();
        assertThat(progress.mastery(grace)).allMatch(m -> m.attempts() == 0);
        assertThat(progress.frequentMisconceptions(grace, 10)).isEmpty();
        assertThat(progress.accuracyByDay(grace, 7)).allMatch(day -> day.answered() == 0);
        assertThat(progress.nextReviewQuestion(grace)).isEmpty();
    }

    @Test
    void recordingAnAnswerStoresItAndMovesTheTopicRatingAndTheTemplatesCard() {
        long user = newUser();
        QuestionTemplate t = template(Topic.KV_CACHE, Difficulty.MEDIUM);
        Question q = choice(t, 0x7f3a9cL);

        RecordedAttempt recorded = answerRight(user, q, Duration.ofSeconds(10));

        Attempt stored = attempts.findById(recorded.attemptId()).orElseThrow();
        assertThat(stored.getUserId()).isEqualTo(user);
        assertThat(stored.getQuestionId()).isEqualTo(q.id());
        assertThat(stored.getTopic()).isEqualTo(Topic.KV_CACHE);
        assertThat(stored.getAnswer()).isEqualTo(q.correctOption().orElseThrow().id());
        assertThat(stored.getCorrect()).hasValue(true);
        assertThat(stored.getScore()).isEqualTo(1.0);
        assertThat(stored.getTimeTaken()).isEqualTo(Duration.ofSeconds(10));
        assertThat(stored.getAnsweredAt()).isEqualTo(MONDAY_NOON);
        // Right at the first try in 10 s, under the 45 s for a medium question: Easy.
        assertThat(recorded.rating()).hasValue(Rating.EASY);
        // Elo: an even match won, θ = 0 + 80 · 0.5 = 40; mastery = 1/(1 + 10^(160/400)) = 0.2847.
        MasteryFigure kv = progress.mastery(user).stream().filter(m -> m.topic() == Topic.KV_CACHE).findFirst()
                .orElseThrow();
        assertThat(kv.rating()).isCloseTo(40, within(1e-9));
        assertThat(kv.attempts()).isEqualTo(1);
        assertThat(kv.mastery()).isCloseTo(0.2847472489508014, within(1e-9));
        assertThat(recorded.mastery()).isCloseTo(kv.mastery(), within(1e-12));
        // FSRS-5: a new card rated Easy graduates with S0 = 15.69 days, so the next review is in 16 days.
        ReviewCard card = cards.findByUserIdAndTemplateId(user, t.id()).orElseThrow();
        assertThat(card.memory().state()).isEqualTo(CardState.REVIEW);
        assertThat(card.memory().stability()).isEqualTo(15.69105);
        assertThat(card.getDue()).isEqualTo(MONDAY_NOON.plus(Duration.ofDays(16)));
        assertThat(recorded.nextReview()).hasValue(card.getDue());
        assertThat(card.getReps()).isEqualTo(1);
    }

    @Test
    void theReviewQueueFollowsTheRatingsAndAReviewDrawsAFreshSeed() {
        long user = newUser();
        QuestionTemplate weak = template(Topic.ZERO, Difficulty.MEDIUM);
        QuestionTemplate known = template(Topic.PRECISION_FORMATS, Difficulty.EASY);
        Question first = choice(weak, 1);

        answerWrong(user, first);                                       // Again: back in 1 minute
        answerRight(user, choice(known, 2), Duration.ofMinutes(2));     // Good: next learning step, 10 minutes
        assertThat(progress.reviewQueue(user).dueCount()).isZero();
        assertThat(progress.reviewQueue(user).nextDue()).hasValue(MONDAY_NOON.plus(Duration.ofMinutes(1)));
        assertThat(progress.nextReviewQuestion(user)).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        ReviewQueue queue = progress.reviewQueue(user);
        assertThat(queue.dueCount()).isEqualTo(1);
        assertThat(queue.due().getFirst().templateId()).isEqualTo(weak.id());
        assertThat(queue.nextDue()).hasValue(MONDAY_NOON.plus(Duration.ofMinutes(10)));
        Question review = progress.nextReviewQuestion(user).orElseThrow();
        assertThat(review.id().template()).isEqualTo(weak.id());
        assertThat(review.id().seed()).isNotEqualTo(first.id().seed());

        // Right this time, but only on a second try (half the mark): Hard keeps it at the first step, 5.5 minutes.
        String right = review.correctOption().orElseThrow().id();
        RecordedAttempt hard = progress.record(user, review, right, Grader.DEFAULT.grade(review, right, 2),
                Duration.ofSeconds(40));
        assertThat(hard.rating()).hasValue(Rating.HARD);
        assertThat(hard.nextReview()).hasValue(clock.instant().plusSeconds(330));

        clock.advance(Duration.ofMinutes(20));
        assertThat(progress.reviewQueue(user).due()).extracting(DueReview::templateId)
                .containsExactly(weak.id(), known.id()); // most overdue first: 7.5 minutes before 10
        ReviewDraw draw = progress.nextReview(user, QuestionKind.NUMERIC).orElseThrow();
        assertThat(draw.dueCount()).isEqualTo(2);
        assertThat(draw.question().id().template()).isEqualTo(weak.id());
        assertThat(draw.question().kind()).isEqualTo(weak.numeric() ? QuestionKind.NUMERIC : QuestionKind.CHOICE);
        assertThat(progress.reviewQueue(user).nextDue()).isEmpty();
    }

    @Test
    void anUnreadableAnswerIsStoredButMovesNeitherRatingNorCard() {
        long user = newUser();
        QuestionTemplate t = template(Topic.WEIGHT_MEMORY, Difficulty.EASY);
        Question q = choice(t, 3);
        Grade unreadable = Grader.DEFAULT.grade(q, "zz", 1);
        assertThat(unreadable.correct()).isEmpty();

        RecordedAttempt recorded = progress.record(user, q, "zz", unreadable, Duration.ofSeconds(5));

        assertThat(recorded.rating()).isEmpty();
        assertThat(attempts.findById(recorded.attemptId()).orElseThrow().getCorrect()).isEmpty();
        assertThat(progress.attemptCount(user)).isEqualTo(1);
        assertThat(progress.mastery(user)).allMatch(m -> m.attempts() == 0);
        assertThat(cards.findByUserIdAndTemplateId(user, t.id())).isEmpty();
    }

    /** PostgreSQL cannot store a NUL: the service refuses it on every database, and stores nothing. */
    @Test
    void anAnswerWithAControlCharacterIsRefusedAndNothingIsStored() {
        long user = newUser();
        Question q = choice(template(Topic.WEIGHT_MEMORY, Difficulty.EASY), 4);
        String answer = q.correctOption().orElseThrow().id() + "\u0000";
        assertThatThrownBy(() -> progress.record(user, q, answer, Grader.DEFAULT.grade(q, answer, 1),
                Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("answer"))
                .hasMessageContaining("U+0000");
        assertThat(progress.attemptCount(user)).isZero();
        assertThat(progress.mastery(user)).allMatch(m -> m.attempts() == 0);
    }

    @Test
    void accuracyStreaksAndMisconceptionsAreCountedPerDay() {
        long user = newUser();
        QuestionTemplate t = template(Topic.TRAINING_MEMORY, Difficulty.MEDIUM);
        // Monday: 1 of 2 right. Tuesday: 2 of 3 right. Wednesday: 2 right.
        answerRight(user, choice(t, 10), Duration.ofMinutes(1));
        Question wrongMonday = choice(t, 11);
        Grade mondayMiss = Grader.DEFAULT.grade(wrongMonday, wrongOption(wrongMonday).id(), 1);
        assertThat(mondayMiss.misconception()).isPresent().isNotEqualTo(Optional.of(Misconception.WRONG_OPTION));
        answerWrong(user, wrongMonday);
        clock.advance(Duration.ofDays(1));
        answerRight(user, choice(t, 12), Duration.ofMinutes(1));
        answerWrong(user, wrongMonday);
        answerRight(user, choice(t, 13), Duration.ofMinutes(1));
        clock.advance(Duration.ofDays(1));
        answerRight(user, choice(t, 14), Duration.ofMinutes(1));
        answerRight(user, choice(t, 15), Duration.ofMinutes(1));

        assertThat(progress.accuracyByDay(user, 30)).containsExactly(
                new DailyAccuracy(LocalDate.parse("2026-03-02"), 2, 1),
                new DailyAccuracy(LocalDate.parse("2026-03-03"), 3, 2),
                new DailyAccuracy(LocalDate.parse("2026-03-04"), 2, 2));
        assertThat(progress.accuracyByDay(user, 2)).extracting(DailyAccuracy::day)
                .containsExactly(LocalDate.parse("2026-03-03"), LocalDate.parse("2026-03-04"));
        assertThat(progress.streak(user)).isEqualTo(new Streak(3, 3));
        // "Picked another option" names no mistake, so it never makes the list, however often it occurs.
        Grade generic = new Grade(Optional.of(false), 0, "A", Optional.of(Misconception.WRONG_OPTION), "",
                wrongMonday.solution());
        for (int i = 0; i < 3; i++) {
            progress.record(user, wrongMonday, "B", generic, Duration.ofSeconds(30));
        }
        answerRight(user, choice(t, 16), Duration.ofMinutes(1));
        answerRight(user, choice(t, 17), Duration.ofMinutes(1));
        answerRight(user, choice(t, 18), Duration.ofMinutes(1));
        assertThat(progress.frequentMisconceptions(user, 5)).containsExactly(
                new MisconceptionCount(mondayMiss.misconception().orElseThrow(), 2));

        clock.advance(Duration.ofDays(1)); // Thursday, nothing yet: the streak still stands
        assertThat(progress.streak(user).days()).isEqualTo(3);
        clock.advance(Duration.ofDays(1)); // Friday: Thursday was missed
        assertThat(progress.streak(user)).isEqualTo(new Streak(0, 3));
    }

    @Test
    void oneUserNeverSeesAnothersProgress() {
        long alice = newUser();
        long bob = newUser();
        QuestionTemplate t = template(Topic.KV_CACHE, Difficulty.MEDIUM);
        answerWrong(alice, choice(t, 20));
        answerRight(alice, choice(t, 21), Duration.ofSeconds(5));
        clock.advance(Duration.ofDays(30));

        assertThat(progress.attemptCount(bob)).isZero();
        assertThat(progress.mastery(bob)).allMatch(m -> m.attempts() == 0);
        assertThat(progress.accuracyByDay(bob, 60)).isEmpty();
        assertThat(progress.streak(bob)).isEqualTo(new Streak(0, 0));
        assertThat(progress.frequentMisconceptions(bob, 5)).isEmpty();
        assertThat(progress.reviewQueue(bob).dueCount()).isZero();
        assertThat(progress.nextReviewQuestion(bob)).isEmpty();
        assertThat(progress.recentAttempts(bob, 10)).isEmpty();

        assertThat(progress.attemptCount(alice)).isEqualTo(2);
        assertThat(progress.mastery(alice)).filteredOn(m -> m.topic() == Topic.KV_CACHE)
                .extracting(MasteryFigure::attempts).containsExactly(2);
        assertThat(progress.reviewQueue(alice).dueCount()).isEqualTo(1);
        assertThat(progress.recentAttempts(alice, 10)).allMatch(a -> a.getUserId() == alice).hasSize(2);
    }

    @Test
    void everyTemplateIdAndQuestionIdFitsItsColumn() {
        // template_id is VARCHAR(80); question_id adds ".c." and up to 16 hex digits within VARCHAR(100).
        assertThat(catalog.all()).allSatisfy(t -> assertThat(t.id().length()).isLessThanOrEqualTo(80));
    }

    /** Two tabs answer a new learner's first question on one template at the same moment: both count. */
    @Test
    void simultaneousFirstAnswersOnOneTemplateAreBothRecorded() throws Exception {
        QuestionTemplate t = template(Topic.KV_CACHE, Difficulty.MEDIUM);
        java.util.concurrent.ExecutorService tabs = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long user = newUser();
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                java.util.List<java.util.concurrent.Future<RecordedAttempt>> answers = new java.util.ArrayList<>();
                for (int tab = 0; tab < 2; tab++) {
                    Question q = choice(t, 100 + tab);
                    answers.add(tabs.submit(() -> {
                        together.await();
                        return answerRight(user, q, Duration.ofSeconds(20));
                    }));
                }
                for (java.util.concurrent.Future<RecordedAttempt> a : answers) {
                    a.get(30, java.util.concurrent.TimeUnit.SECONDS);
                }
                assertThat(progress.attemptCount(user)).isEqualTo(2);
                assertThat(progress.mastery(user).stream().filter(m -> m.topic() == Topic.KV_CACHE).findFirst()
                        .orElseThrow().attempts()).isEqualTo(2);
                assertThat(cards.findByUserIdAndTemplateId(user, t.id()).orElseThrow().getReps()).isEqualTo(2);
            }
        } finally {
            tabs.shutdownNow();
        }
    }
}
