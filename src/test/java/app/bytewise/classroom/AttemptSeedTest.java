package app.bytewise.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionId;
import app.bytewise.drill.Topic;
import app.bytewise.security.UserAccount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each attempt draws its own numbers from a seed recorded with it; a review shows that attempt's numbers. */
class AttemptSeedTest extends ClassroomTestBase {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private QuizPlanner planner;

    @Test
    void theSecondAttemptDrawsNewNumbersAndEachReplayShowsItsOwnAttempt() {
        Setup s = setUp(settings(4, QuizMode.NUMERIC, SeedPolicy.PER_STUDENT, 2));
        long id = s.assignment().id();
        QuizPaper first = assignments.paper(s.candidate(), id);
        assertThat(submissions.submit(s.candidate(), id, AttemptAnswers.of(rightAnswers(first.questions()))
                .forAttempt(1)).score()).isEqualTo(4.0);
        QuizPaper second = assignments.paper(s.candidate(), id);
        assertThat(second.attemptNo()).isEqualTo(2);

        List<QuestionId> firstIds = ids(first);
        List<QuestionId> secondIds = ids(second);
        // Same template and kind in every slot, so item statistics still compare like with like ...
        assertThat(secondIds.stream().map(q -> q.template() + " " + q.kind()).toList())
                .isEqualTo(firstIds.stream().map(q -> q.template() + " " + q.kind()).toList());
        // ... and other numbers in every slot.
        IntStream.range(0, 4).forEach(slot ->
                assertThat(secondIds.get(slot).seed()).as("slot %d", slot).isNotEqualTo(firstIds.get(slot).seed()));
        assertThat(second.questions()).extracting(Question::text).isNotEqualTo(
                first.questions().stream().map(Question::text).toList());
        // Graded against the numbers this attempt showed.
        assertThat(submissions.submit(s.candidate(), id, AttemptAnswers.of(rightAnswers(second.questions()))
                .forAttempt(2)).score()).isEqualTo(4.0);

        // The seed is recorded at the opening and kept with the submission.
        List<Long> seeds = jdbc.queryForList("SELECT attempt_seed FROM submission WHERE assignment_id = ? "
                + "ORDER BY attempt_no", Long.class, id);
        assertThat(seeds).containsExactly(planner.attemptSeed(s.quiz(), s.candidate().getId(), 1),
                planner.attemptSeed(s.quiz(), s.candidate().getId(), 2));
        assertThat(jdbc.queryForList("SELECT attempt_seed FROM attempt_start WHERE assignment_id = ? "
                + "ORDER BY attempt_no", Long.class, id)).isEqualTo(seeds);

        List<AnswerRow> rows = results.results(s.instructor(), id).answers();
        assertThat(rows).hasSize(8);
        for (AnswerRow row : rows) {
            QuizPaper shown = row.attemptNo() == 1 ? first : second;
            assertThat(results.replay(s.instructor(), row.answerId()).question())
                    .as("attempt %d, slot %d", row.attemptNo(), row.slot())
                    .isEqualTo(shown.questions().get(row.slot()));
        }
        assertThat(submissions.submissionsOf(s.candidate(), id)).extracting(r -> r.answers().stream()
                .map(AnswerResult::questionId).toList()).containsExactly(firstIds, secondIds);
    }

    @Test
    void reopeningAnAttemptShowsTheSameNumbersAndASharedQuizGivesEveryoneTheSameAttemptN() {
        Setup s = setUp(settings(3, QuizMode.NUMERIC, SeedPolicy.SHARED, 2));
        long id = s.assignment().id();
        UserAccount other = candidate();
        classrooms.join(other, s.classroom().joinCode());
        QuizPaper mine = assignments.paper(s.candidate(), id);
        assertThat(assignments.paper(s.candidate(), id).questions()).isEqualTo(mine.questions());
        assertThat(assignments.paper(other, id).questions()).isEqualTo(mine.questions());

        submissions.submit(s.candidate(), id, blankAnswers(3));
        submissions.submit(other, id, blankAnswers(3));
        QuizPaper mySecond = assignments.paper(s.candidate(), id);
        assertThat(ids(mySecond)).isNotEqualTo(ids(mine));
        assertThat(ids(assignments.paper(other, id))).isEqualTo(ids(mySecond));
    }

    /** Attempts opened before attempts had seeds (a null seed) keep the numbers they were shown. */
    @Test
    void anAttemptOpenedWithoutASeedKeepsTheNumbersOfTheOldDerivation() {
        Setup s = setUp(settings(3, QuizMode.NUMERIC, SeedPolicy.PER_STUDENT, 2));
        long id = s.assignment().id();
        long student = s.candidate().getId();
        assignments.paper(s.candidate(), id);
        jdbc.update("UPDATE attempt_start SET attempt_seed = NULL WHERE assignment_id = ?", id);

        QuizPaper old = assignments.paper(s.candidate(), id);
        // The derivation from before: seed(quiz seed, student, slot), the same for every attempt.
        assertThat(ids(old)).extracting(QuestionId::seed).containsExactly(Seeds.of(s.quiz().getSeed(), student, 0),
                Seeds.of(s.quiz().getSeed(), student, 1), Seeds.of(s.quiz().getSeed(), student, 2));
        assertThat(submissions.submit(s.candidate(), id, AttemptAnswers.of(rightAnswers(old.questions()))).score())
                .isEqualTo(3.0);
        assertThat(jdbc.queryForObject("SELECT attempt_seed FROM submission WHERE assignment_id = ?", Long.class, id))
                .isNull();
        AnswerRow row = results.results(s.instructor(), id).answers().get(0);
        assertThat(results.replay(s.instructor(), row.answerId()).question()).isEqualTo(old.questions().get(0));

        // The next attempt has a seed of its own.
        QuizPaper next = assignments.paper(s.candidate(), id);
        assertThat(ids(next)).isEqualTo(planner.questionIds(s.quiz(), student,
                Optional.of(planner.attemptSeed(s.quiz(), student, 2))));
        assertThat(ids(next)).isNotEqualTo(ids(old));
    }

    @Test
    void anExpiredAttemptIsClosedWithTheQuestionsItWasOpenedWith() {
        QuizSettings timed = new QuizSettings("Timed", Set.of(Topic.KV_CACHE, Topic.WEIGHT_MEMORY), Optional.empty(),
                2, QuizMode.NUMERIC, Optional.of(10), 2, SeedPolicy.PER_STUDENT);
        Setup s = setUp(timed);
        long id = s.assignment().id();
        QuizPaper first = assignments.paper(s.candidate(), id);
        clock.advance(Duration.ofMinutes(12));
        QuizPaper second = assignments.paper(s.candidate(), id);
        assertThat(second.attemptNo()).isEqualTo(2);
        assertThat(submissions.submissionsOf(s.candidate(), id)).singleElement().satisfies(closed ->
                assertThat(closed.answers()).extracting(AnswerResult::questionId).isEqualTo(ids(first)));
        assertThat(ids(second)).isNotEqualTo(ids(first));
    }

    /** Answers to attempt 1's paper, sent after attempt 1 went in from another tab, do not count for attempt 2. */
    @Test
    void answersToAnEarlierAttemptsPaperAreNotTakenForTheNextOne() {
        Setup s = setUp(settings(2, QuizMode.NUMERIC, SeedPolicy.PER_STUDENT, 3));
        long id = s.assignment().id();
        QuizPaper paper = assignments.paper(s.candidate(), id);
        AttemptAnswers right = AttemptAnswers.of(rightAnswers(paper.questions())).forAttempt(1);
        submissions.submit(s.candidate(), id, right);
        assertThatThrownBy(() -> submissions.submit(s.candidate(), id, right))
                .isInstanceOf(ClassroomException.class).hasMessage(SubmissionService.ALREADY_SUBMITTED);
        assertThatThrownBy(() -> submissions.submit(s.candidate(), id, right.forAttempt(3)))
                .isInstanceOf(ClassroomException.class)
                .hasMessage("Attempt 3 has not been opened; the next attempt is 2.");
        assertThat(submissions.submissionsOf(s.candidate(), id)).hasSize(1);
    }

    @Test
    void blankAnswersAreRefusedUntilConfirmedAndTheRefusalWritesNothing() {
        Setup s = setUp(settings(3, QuizMode.NUMERIC, SeedPolicy.PER_STUDENT, 1));
        long id = s.assignment().id();
        QuizPaper paper = assignments.paper(s.candidate(), id);
        List<String> answers = new ArrayList<>(rightAnswers(paper.questions()));
        answers.set(0, "");
        answers.set(2, "   ");
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM submitted_answer", Integer.class);
        assertThatThrownBy(() -> submissions.submit(s.candidate(), id, answers))
                .isInstanceOfSatisfying(BlankAnswersException.class, e -> {
                    assertThat(e.unanswered().slots()).containsExactly(0, 2);
                    assertThat(e.field()).isEqualTo("answers");
                })
                .hasMessage("2 of 3 questions have no answer (questions 1 and 3). Nothing was saved; confirm to "
                        + "submit them blank.");
        assertThat(submissions.submissionsOf(s.candidate(), id)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submitted_answer", Integer.class)).isEqualTo(before);
        assertThat(assignments.assignmentsFor(s.candidate())).singleElement()
                .satisfies(a -> assertThat(a.attemptsUsed()).isZero());
        assertThat(assignments.paper(s.candidate(), id).questions()).isEqualTo(paper.questions());

        SubmissionResult taken = submissions.submit(s.candidate(), id,
                AttemptAnswers.of(answers).forAttempt(1).confirmingBlanks());
        assertThat(taken.attemptNo()).isEqualTo(1);
        assertThat(taken.score()).isEqualTo(1.0);
        assertThat(taken.answers()).extracting(a -> a.grade().correct().isPresent()).containsExactly(false, true, false);
    }

    @Test
    void unansweredNamesTheBlankQuestionsAsNumberedOnThePage() {
        Unanswered three = Unanswered.in(java.util.Arrays.asList("A", "", null, "4 GB", " ", "B", "C", "D", "E", "F"));
        assertThat(three.slots()).containsExactly(1, 2, 4);
        assertThat(three.summary()).isEqualTo("3 of 10 questions have no answer");
        assertThat(three.listed()).isEqualTo("questions 2, 3 and 5");
        Unanswered one = Unanswered.in(List.of("A", ""));
        assertThat(one.summary()).isEqualTo("1 of 2 questions has no answer");
        assertThat(one.listed()).isEqualTo("question 2");
        assertThat(Unanswered.in(List.of("A", "12 GB")).none()).isTrue();
    }

    private static List<QuestionId> ids(QuizPaper paper) {
        return paper.questions().stream().map(Question::id).toList();
    }
}
