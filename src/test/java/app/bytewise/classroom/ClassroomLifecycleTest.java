package app.bytewise.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionId;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.Topic;
import app.bytewise.security.UserAccount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

class ClassroomLifecycleTest extends ClassroomTestBase {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private QuizPlanner planner;

    @Test
    void aClassGetsAnUnambiguousUniqueCodeAndJoiningTwiceIsHarmless() {
        UserAccount teacher = instructor();
        ClassSummary first = classrooms.createClass(teacher, "  Morning group ");
        ClassSummary second = classrooms.createClass(teacher, "Evening group");
        assertThat(first.name()).isEqualTo("Morning group");
        assertThat(first.joinCode()).hasSize(8).matches("[" + JoinCodes.ALPHABET + "]+").isNotEqualTo(second.joinCode());
        assertThat(first.joinCode()).doesNotContainPattern("[01OILSZB5U82V]");

        UserAccount student = candidate();
        String typed = first.joinCode().substring(0, 4).toLowerCase() + "-" + first.joinCode().substring(4);
        assertThat(classrooms.join(student, typed)).isEqualTo(new JoinOutcome(first.id(), "Morning group", false));
        JoinOutcome again = classrooms.join(student, first.joinCode());
        assertThat(again.alreadyMember()).isTrue();
        assertThat(again.message()).isEqualTo("You are already in Morning group.");
        assertThat(classrooms.classesOf(teacher)).filteredOn(c -> c.id() == first.id())
                .singleElement().extracting(ClassSummary::members).isEqualTo(1L);
        assertThat(classrooms.classesJoined(student)).containsExactly("Morning group");
    }

    @Test
    void aWrongCodeIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> classrooms.join(candidate(), "zzzz-9999"))
                .isInstanceOf(ClassroomException.class)
                .hasMessage("No class has the code ZZZZ9999; check it with your instructor.");
        assertThatThrownBy(() -> classrooms.join(candidate(), "  "))
                .hasMessage("Type the join code your instructor gave you.");
    }

    @Test
    void invalidQuizSettingsNameEveryFieldAtFault() {
        QuizSettings bad = new QuizSettings(" ", Set.of(), Optional.empty(), 0, QuizMode.MIXED, Optional.of(0), 11,
                SeedPolicy.SHARED);
        assertThatThrownBy(() -> quizzes.create(instructor(), bad))
                .isInstanceOfSatisfying(InvalidQuizException.class, e -> assertThat(e.problems()).containsOnlyKeys(
                        "title", "topics", "questionCount", "timeLimitMinutes", "attemptsAllowed"));
        // Conceptual-only topic in numeric mode: nothing to type, so no question matches.
        QuizSettings empty = new QuizSettings("Numbers", Set.of(Topic.FLASH_ATTENTION), Optional.of(Difficulty.EASY), 3,
                QuizMode.NUMERIC, Optional.empty(), 1, SeedPolicy.SHARED);
        if (planner.pool(empty).isEmpty()) {
            assertThatThrownBy(() -> quizzes.create(instructor(), empty))
                    .isInstanceOfSatisfying(InvalidQuizException.class,
                            e -> assertThat(e.problems()).containsOnlyKeys("topics"));
        }
    }

    /** A student's first attempt, with the seed its opening records. */
    private List<QuestionId> firstAttempt(Quiz quiz, long studentId) {
        return planner.questionIds(quiz, studentId, Optional.of(planner.attemptSeed(quiz, studentId, 1)));
    }

    @Test
    void aQuizResolvesToTheSameQuestionsForAStudentAndPerStudentSeedsDifferOnlyInNumbers() {
        UserAccount teacher = instructor();
        Quiz own = quizzes.create(teacher, settings(6, QuizMode.MIXED, SeedPolicy.PER_STUDENT, 1));
        Quiz shared = quizzes.create(teacher, settings(6, QuizMode.MIXED, SeedPolicy.SHARED, 1));
        assertThat(firstAttempt(own, 41)).isEqualTo(firstAttempt(own, 41)).hasSize(6);
        assertThat(firstAttempt(own, 41)).isNotEqualTo(firstAttempt(own, 42));
        // Same template and kind in every slot for everybody, so item statistics compare like with like.
        assertThat(firstAttempt(own, 41).stream().map(id -> id.template() + id.kind()).toList())
                .isEqualTo(firstAttempt(own, 42).stream().map(id -> id.template() + id.kind()).toList());
        assertThat(firstAttempt(shared, 41)).isEqualTo(firstAttempt(shared, 42));
        // Six distinct templates when the pool has six or more.
        assertThat(firstAttempt(own, 41).stream().map(id -> id.template()).distinct()).hasSize(6);
        List<Question> questions = planner.questions(firstAttempt(own, 41));
        assertThat(questions).allMatch(q -> Set.of(Topic.WEIGHT_MEMORY, Topic.KV_CACHE).contains(q.topic()));
        Quiz numeric = quizzes.create(teacher, settings(4, QuizMode.NUMERIC, SeedPolicy.SHARED, 1));
        assertThat(firstAttempt(numeric, 1)).allMatch(id -> id.kind() == QuestionKind.NUMERIC);
    }

    @Test
    void aCandidateTakesAnAssignmentAndTheSubmissionIsGradedAndSaved() {
        Setup s = setUp(settings(4, QuizMode.MIXED, SeedPolicy.PER_STUDENT, 2));
        assertThat(assignments.assignmentsFor(s.candidate())).singleElement().satisfies(a -> {
            assertThat(a.quizTitle()).isEqualTo("Memory basics");
            assertThat(a.className()).isEqualTo("LLM memory 101");
            assertThat(a.status()).isEqualTo(AssignmentStatus.OPEN);
            assertThat(a.attemptsAllowed()).isEqualTo(2);
        });
        QuizPaper paper = assignments.paper(s.candidate(), s.assignment().id());
        assertThat(paper.attemptNo()).isEqualTo(1);
        assertThat(paper.questions()).hasSize(4);

        List<String> answers = new ArrayList<>(rightAnswers(paper.questions()));
        answers.set(3, ""); // one left blank, and meant so
        SubmissionResult result = submissions.submit(s.candidate(), s.assignment().id(),
                AttemptAnswers.of(answers).forAttempt(1).confirmingBlanks());
        assertThat(result.attemptNo()).isEqualTo(1);
        assertThat(result.score()).isEqualTo(3.0);
        assertThat(result.scoreText()).isEqualTo("3.0 / 4");
        assertThat(result.answers().get(0).grade().correct()).contains(true);
        assertThat(result.answers().get(3).grade().correct()).isEmpty();

        assertThat(assignments.assignmentsFor(s.candidate())).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(AssignmentStatus.SUBMITTED);
            assertThat(a.bestScore()).hasValue(3.0);
        });
        AssignmentResults r = results.results(s.instructor(), s.assignment().id());
        assertThat(r.students()).singleElement().satisfies(st -> {
            assertThat(st.username()).isEqualTo(s.candidate().getUsername());
            assertThat(st.bestScore()).isEqualTo(3.0);
            assertThat(st.questionCount()).isEqualTo(4);
        });
        assertThat(r.answers()).hasSize(4);
        assertThat(r.items()).extracting(ItemStats::facility).containsExactly(100.0, 100.0, 100.0, 0.0);
        assertThat(r.items().get(3).commonWrongAnswers()).containsExactly(new ItemStats.WrongAnswer("(no answer)", 1));

        // The replay regenerates exactly the question the student saw.
        AnswerRow first = r.answers().get(0);
        Replay replay = results.replay(s.instructor(), first.answerId());
        assertThat(replay.question()).isEqualTo(paper.questions().get(0));
        assertThat(replay.answer().answer()).isEqualTo(answers.get(0));
        assertThat(replay.grade().correct()).contains(true);
    }

    @Test
    void attemptsAllowedAreEnforced() {
        Setup s = setUp(settings(2, QuizMode.CHOICE, SeedPolicy.SHARED, 2));
        long id = s.assignment().id();
        assertThat(submissions.submit(s.candidate(), id, blankAnswers(2)).attemptNo()).isEqualTo(1);
        assertThat(submissions.submit(s.candidate(), id, blankAnswers(2)).attemptNo()).isEqualTo(2);
        assertThatThrownBy(() -> submissions.submit(s.candidate(), id, blankAnswers(2)))
                .isInstanceOf(ClassroomException.class)
                .hasMessage("You have used all 2 attempts for this assignment.");
        assertThatThrownBy(() -> assignments.paper(s.candidate(), id)).isInstanceOf(ClassroomException.class);
        assertThat(submissions.submissionsOf(s.candidate(), id)).extracting(SubmissionResult::attemptNo)
                .containsExactly(1, 2);
        assertThat(assignments.assignmentsFor(s.candidate())).singleElement()
                .extracting(StudentAssignment::status).isEqualTo(AssignmentStatus.COMPLETED);
    }

    @Test
    void submissionsBeforeOpeningOrAfterTheDueTimeAreRefused() {
        Setup s = setUp(settings(2, QuizMode.CHOICE, SeedPolicy.SHARED, 3));
        long id = s.assignment().id();
        clock.set(START.minus(Duration.ofHours(2)));
        assertThatThrownBy(() -> submissions.submit(s.candidate(), id, blankAnswers(2)))
                .isInstanceOf(ClassroomException.class).hasMessageContaining("cannot be taken yet");
        assertThat(assignments.assignmentsFor(s.candidate())).singleElement()
                .extracting(StudentAssignment::status).isEqualTo(AssignmentStatus.UPCOMING);
        clock.set(START.plus(Duration.ofDays(7)));
        assertThat(submissions.submit(s.candidate(), id, blankAnswers(2)).attemptNo()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> submissions.submit(s.candidate(), id, blankAnswers(2)))
                .isInstanceOf(ClassroomException.class)
                .hasMessage("This assignment was due at 2026-03-09T09:00:00Z; late submissions are not accepted.");
        assertThat(submissions.submissionsOf(s.candidate(), id)).hasSize(1);
    }

    @Test
    void theTimeLimitCountsFromTheFirstOpeningOnTheServer() {
        QuizSettings timed = new QuizSettings("Timed", Set.of(Topic.KV_CACHE), Optional.empty(), 2, QuizMode.CHOICE,
                Optional.of(10), 2, SeedPolicy.SHARED);
        Setup s = setUp(timed);
        long id = s.assignment().id();
        assertThatThrownBy(() -> submissions.submit(s.candidate(), id, blankAnswers(2)))
                .hasMessageContaining("counted from when it is opened; open it first");
        QuizPaper paper = assignments.paper(s.candidate(), id);
        clock.advance(Duration.ofMinutes(9));
        // Reopening the page does not restart the clock.
        assertThat(assignments.paper(s.candidate(), id).startedAt()).isEqualTo(paper.startedAt());
        clock.advance(Duration.ofMinutes(3));
        assertThatThrownBy(() -> submissions.submit(s.candidate(), id, rightAnswers(paper.questions())))
                .hasMessage("The time limit of 10 minutes has passed; this attempt cannot be submitted and was closed "
                        + "without answers (score 0). You can open the next attempt.");
        // The late answers are not taken: the attempt stands as the server had it, unanswered.
        assertThat(submissions.submissionsOf(s.candidate(), id)).singleElement().satisfies(closed -> {
            assertThat(closed.attemptNo()).isEqualTo(1);
            assertThat(closed.score()).isZero();
            assertThat(closed.answers()).extracting(AnswerResult::answer).containsExactly("", "");
        });
        assertThat(assignments.paper(s.candidate(), id).attemptNo()).isEqualTo(2);
    }

    /** An attempt opened and left past its limit is closed as submitted, unanswered, so the next one can start. */
    @Test
    void anExpiredTimedAttemptIsClosedAsSubmittedAndNoLongerBlocksTheNext() {
        QuizSettings timed = new QuizSettings("Timed", Set.of(Topic.KV_CACHE), Optional.empty(), 2, QuizMode.CHOICE,
                Optional.of(10), 2, SeedPolicy.SHARED);
        Setup s = setUp(timed);
        long id = s.assignment().id();
        QuizPaper first = assignments.paper(s.candidate(), id);
        clock.advance(Duration.ofMinutes(11)); // ten minutes and the minute's grace: still the first attempt
        assertThat(assignments.paper(s.candidate(), id).attemptNo()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));

        QuizPaper second = assignments.paper(s.candidate(), id);
        assertThat(second.attemptNo()).isEqualTo(2);
        assertThat(second.startedAt()).isEqualTo(clock.instant());
        assertThat(submissions.submissionsOf(s.candidate(), id)).singleElement().satisfies(closed -> {
            assertThat(closed.attemptNo()).isEqualTo(1);
            assertThat(closed.submittedAt()).isEqualTo(first.startedAt().plus(Duration.ofMinutes(10)));
            assertThat(closed.score()).isZero();
            assertThat(closed.questionCount()).isEqualTo(2);
            assertThat(closed.answers()).allSatisfy(a -> {
                assertThat(a.answer()).isEmpty();
                assertThat(a.grade().score()).isZero();
            });
        });
        assertThat(results.results(s.instructor(), id).answers()).extracting(AnswerRow::response)
                .containsExactly("(no answer)", "(no answer)");

        assertThat(submissions.submit(s.candidate(), id, rightAnswers(second.questions())).score()).isEqualTo(2.0);
        assertThat(submissions.submissionsOf(s.candidate(), id)).extracting(SubmissionResult::attemptNo)
                .containsExactly(1, 2);
    }

    @Test
    void withOneAttemptAnExpiredOneLeavesTheAssignmentCompleted() {
        QuizSettings timed = new QuizSettings("Timed once", Set.of(Topic.KV_CACHE), Optional.empty(), 1,
                QuizMode.CHOICE, Optional.of(5), 1, SeedPolicy.SHARED);
        Setup s = setUp(timed);
        long id = s.assignment().id();
        assignments.paper(s.candidate(), id);
        clock.advance(Duration.ofMinutes(7));

        assertThat(assignments.assignmentsFor(s.candidate())).singleElement().satisfies(listed -> {
            assertThat(listed.attemptsUsed()).isEqualTo(1);
            assertThat(listed.status()).isEqualTo(AssignmentStatus.COMPLETED);
        });
        assertThatThrownBy(() -> assignments.paper(s.candidate(), id)).isInstanceOf(ClassroomException.class)
                .hasMessage("You have used all 1 attempt for this assignment.");
        assertThat(submissions.submissionsOf(s.candidate(), id)).singleElement()
                .satisfies(closed -> assertThat(closed.score()).isZero());
    }

    @Test
    void withinTheTimeLimitTheAttemptIsSavedAndTheNextAttemptGetsItsOwnClock() {
        QuizSettings timed = new QuizSettings("Timed", Set.of(Topic.KV_CACHE), Optional.empty(), 2, QuizMode.CHOICE,
                Optional.of(10), 2, SeedPolicy.SHARED);
        Setup s = setUp(timed);
        long id = s.assignment().id();
        QuizPaper first = assignments.paper(s.candidate(), id);
        clock.advance(Duration.ofMinutes(9));
        assertThat(submissions.submit(s.candidate(), id, blankAnswers(2)).attemptNo()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(5));
        QuizPaper second = assignments.paper(s.candidate(), id);
        assertThat(second.attemptNo()).isEqualTo(2);
        assertThat(second.startedAt()).isEqualTo(first.startedAt().plus(Duration.ofMinutes(14)));
        clock.advance(Duration.ofMinutes(8));
        assertThat(submissions.submit(s.candidate(), id, blankAnswers(2)).attemptNo()).isEqualTo(2);
    }

    @Test
    void aSubmissionIsSavedWholeOrNotAtAll() {
        Setup s = setUp(settings(3, QuizMode.CHOICE, SeedPolicy.SHARED, 1));
        // Make the third answer's insert fail after the submission and two answers were written; rows
        // other tests wrote before stay valid.
        long lastId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM submitted_answer", Long.class);
        jdbc.execute("ALTER TABLE submitted_answer ADD CONSTRAINT test_no_third_slot CHECK (slot <> 2 OR id <= "
                + lastId + ")");
        try {
            assertThatThrownBy(() -> submissions.submit(s.candidate(), s.assignment().id(),
                    blankAnswers(3))).isInstanceOf(DataIntegrityViolationException.class);
        } finally {
            jdbc.execute("ALTER TABLE submitted_answer DROP CONSTRAINT test_no_third_slot");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE assignment_id = ?", Integer.class,
                s.assignment().id())).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submitted_answer a JOIN submission s ON s.id = "
                + "a.submission_id WHERE s.assignment_id = ?", Integer.class, s.assignment().id())).isZero();
        assertThat(submissions.submit(s.candidate(), s.assignment().id(), blankAnswers(3)).attemptNo())
                .isEqualTo(1);
    }

    @Test
    void aClassOrQuizWithSubmissionsCannotBeDeletedButWithoutThemItCan() {
        Setup s = setUp(settings(2, QuizMode.CHOICE, SeedPolicy.SHARED, 1));
        submissions.submit(s.candidate(), s.assignment().id(), blankAnswers(2));
        assertThatThrownBy(() -> classrooms.deleteClass(s.instructor(), s.classroom().id()))
                .isInstanceOf(ClassroomException.class).hasMessageContaining("has submissions");
        assertThatThrownBy(() -> quizzes.delete(s.instructor(), s.quiz().getId()))
                .isInstanceOf(ClassroomException.class).hasMessageContaining("has submissions");
        assertThat(results.results(s.instructor(), s.assignment().id()).answers()).hasSize(2);

        ClassSummary empty = classrooms.createClass(s.instructor(), "Unused");
        classrooms.join(candidate(), empty.joinCode());
        Quiz unused = quizzes.create(s.instructor(), settings(1, QuizMode.CHOICE, SeedPolicy.SHARED, 1));
        assignments.assign(s.instructor(), unused.getId(), empty.id(), START, START.plus(Duration.ofDays(1)));
        classrooms.deleteClass(s.instructor(), empty.id());
        quizzes.delete(s.instructor(), unused.getId());
        assertThat(classrooms.classesOf(s.instructor())).extracting(ClassSummary::id).containsExactly(s.classroom().id());
        assertThat(quizzes.quizzesOf(s.instructor())).extracting(Quiz::getId).containsExactly(s.quiz().getId());
    }

    /** PostgreSQL cannot store a NUL (H2 can): refused with a message on every database, nothing stored. */
    @Test
    void controlCharactersInNamesCodesTitlesAndAnswersAreRefusedAndNothingIsStored() {
        Setup s = setUp(settings(2, QuizMode.CHOICE, SeedPolicy.SHARED, 1));
        int classes = classrooms.classesOf(s.instructor()).size();
        assertThatThrownBy(() -> classrooms.createClass(s.instructor(), "Evening\u0000class"))
                .isInstanceOf(ClassroomException.class)
                .hasMessage("Control characters are not allowed here (found U+0000).");
        assertThat(classrooms.classesOf(s.instructor())).hasSize(classes);

        assertThatThrownBy(() -> classrooms.join(candidate(), s.classroom().joinCode() + "\u0000"))
                .isInstanceOf(ClassroomException.class).hasMessageContaining("U+0000");

        int quizCount = quizzes.quizzesOf(s.instructor()).size();
        QuizSettings nulTitle = new QuizSettings("Quiz\u0000", Set.of(Topic.KV_CACHE), Optional.empty(), 1,
                QuizMode.CHOICE, Optional.empty(), 1, SeedPolicy.SHARED);
        assertThatThrownBy(() -> quizzes.create(s.instructor(), nulTitle))
                .isInstanceOfSatisfying(InvalidQuizException.class, e -> assertThat(e.problems())
                        .containsEntry("title", "Control characters are not allowed here (found U+0000)."));
        assertThat(quizzes.quizzesOf(s.instructor())).hasSize(quizCount);

        assertThatThrownBy(() -> submissions.submit(s.candidate(), s.assignment().id(), List.of("A", "B\u0000")))
                .isInstanceOf(InvalidAnswersException.class)
                .hasMessage("Answer 2: Control characters are not allowed here (found U+0000).");
        assertThat(submissions.submissionsOf(s.candidate(), s.assignment().id())).isEmpty();
    }

    @Test
    void theDueTimeMustFollowTheOpeningTime() {
        Setup s = setUp(settings(1, QuizMode.CHOICE, SeedPolicy.SHARED, 1));
        assertThatThrownBy(() -> assignments.assign(s.instructor(), s.quiz().getId(), s.classroom().id(), START, START))
                .isInstanceOf(ClassroomException.class)
                .hasMessage("The due time must come after the opening time.");
    }
}
