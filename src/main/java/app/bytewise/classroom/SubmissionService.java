package app.bytewise.classroom;

import app.bytewise.drill.Grader;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionId;
import app.bytewise.security.UserAccount;
import app.bytewise.security.UserText;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submissions: all answers of an attempt, graded and saved in one transaction, so an attempt is
 * recorded whole or not at all.
 */
@Service
public class SubmissionService {

    static final String ALREADY_SUBMITTED =
            "This attempt has already been submitted, perhaps from another tab; reload to see your result.";
    private static final String ATTEMPT_CONSTRAINT = "submission_attempt_uk";

    private final QuizRepository quizzes;
    private final SubmissionRepository submissions;
    private final QuizPlanner planner;
    private final Grader grader;
    private final AccessRules access;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final AttemptClock attemptClock;
    private final PaperGrading grading;
    private final ExpiredAttempts expired;

    public SubmissionService(QuizRepository quizzes, SubmissionRepository submissions, QuizPlanner planner,
            Grader grader, AccessRules access, Clock clock, PlatformTransactionManager tm, AttemptClock attemptClock,
            PaperGrading grading, ExpiredAttempts expired) {
        this.attemptClock = attemptClock;
        this.grading = grading;
        this.expired = expired;
        this.quizzes = quizzes;
        this.submissions = submissions;
        this.planner = planner;
        this.grader = grader;
        this.access = access;
        this.clock = clock;
        this.transaction = new TransactionTemplate(tm);
    }

    /** {@link #submit(UserAccount, long, AttemptAnswers)} for the next attempt, blank answers not confirmed. */
    public SubmissionResult submit(UserAccount candidate, long assignmentId, List<String> answers) {
        return submit(candidate, assignmentId, AttemptAnswers.of(answers));
    }

    /**
     * Grades and saves one attempt: one answer per question, in order (option letter or typed value;
     * blank counts as unanswered, and is taken only when confirmed, since the attempt is used up).
     * Two tabs submitting at once both compute the same attempt number; the unique (assignment,
     * student, attempt) constraint lets one commit, and the other is told the attempt was already
     * submitted. The translation happens outside the transaction, which the failed insert has already
     * rolled back.
     */
    public SubmissionResult submit(UserAccount candidate, long assignmentId, AttemptAnswers answers) {
        try {
            return transaction.execute(status -> record(candidate, assignmentId, answers));
        } catch (DataIntegrityViolationException failed) {
            if (isDuplicateAttempt(failed)) {
                throw new ClassroomException(ALREADY_SUBMITTED);
            }
            throw failed;
        } catch (ConcurrencyFailureException raced) {
            // The other tab's insert held the row lock past the timeout: it is being submitted there.
            throw new ClassroomException(ALREADY_SUBMITTED);
        }
    }

    /** Whether the unique attempt constraint failed (its name is in H2's and PostgreSQL's messages). */
    private static boolean isDuplicateAttempt(DataIntegrityViolationException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains(ATTEMPT_CONSTRAINT)) {
                return true;
            }
        }
        return false;
    }

    /** The candidate's own submissions to an assignment, first attempt first. */
    public List<SubmissionResult> submissionsOf(UserAccount candidate, long assignmentId) {
        return transaction.execute(status -> {
            Assignment a = access.memberAssignment(candidate, assignmentId);
            return submissions.findByAssignmentIdAndStudentIdOrderByAttemptNoAsc(a.getId(), candidate.getId()).stream()
                    .map(this::result).toList();
        });
    }

    private SubmissionResult record(UserAccount candidate, long assignmentId, AttemptAnswers sent) {
        Assignment a = access.memberAssignment(candidate, assignmentId);
        Quiz quiz = quizzes.findById(a.getQuizId()).orElseThrow();
        int used = submissions.countByAssignmentIdAndStudentId(a.getId(), candidate.getId());
        // Read after counting: the concurrency test holds two tabs here, both having counted, so their
        // race for the same attempt number is certain rather than a matter of thread scheduling.
        Instant now = clock.instant();
        AssignmentService.refuseOutsideWindow(a, now);
        AssignmentService.refuseWhenNoAttemptLeft(used, quiz.settings().attemptsAllowed());
        int attemptNo = used + 1;
        // Each attempt has its own numbers: answers to an earlier attempt's paper cannot count for this one.
        sent.attemptNo().filter(n -> n != attemptNo).ifPresent(n -> {
            throw new ClassroomException(n < attemptNo ? ALREADY_SUBMITTED
                    : "Attempt " + n + " has not been opened; the next attempt is " + attemptNo + ".");
        });
        // The limit counts from the server's record of when this attempt was opened, never from the client.
        Optional<AttemptClock.Opening> opening = attemptClock.opening(a.getId(), candidate.getId(), attemptNo);
        quiz.settings().timeLimitMinutes().ifPresent(minutes -> {
            if (opening.isEmpty()) {
                throw new ClassroomException("This quiz has a time limit of " + minutes + " minutes, counted from when "
                        + "it is opened; open it first.");
            }
            if (now.isAfter(ExpiredAttempts.deadline(opening.get().startedAt(), minutes))) {
                // Closed with what the server has of it (nothing) in its own transaction, which stands
                // although this one is refused: the next attempt can start.
                int usedNow = expired.closeIfExpired(a, quiz, candidate.getId(), used, now);
                boolean another = usedNow < quiz.settings().attemptsAllowed();
                throw new ClassroomException("The time limit of " + minutes + " minutes has passed; this attempt "
                        + "cannot be submitted and was closed without answers (score 0)."
                        + (another ? " You can open the next attempt." : ""));
            }
        });
        // The seed recorded when the attempt was opened; an untimed attempt submitted unopened gets the
        // one its opening would have recorded.
        Optional<Long> seed = opening.map(AttemptClock.Opening::seed)
                .orElseGet(() -> Optional.of(planner.attemptSeed(quiz, candidate.getId(), attemptNo)));
        List<QuestionId> ids = planner.questionIds(quiz, candidate.getId(), seed);
        List<String> answers = sent.answers();
        if (answers == null || answers.size() != ids.size()) {
            throw new InvalidAnswersException("This quiz has " + ids.size() + " questions; send one answer for each "
                    + "(blank for none).");
        }
        for (int slot = 0; slot < ids.size(); slot++) {
            int number = slot + 1;
            UserText.problem(answers.get(slot)).ifPresent(problem -> {
                throw new InvalidAnswersException("Answer " + number + ": " + problem);
            });
        }
        Unanswered unanswered = Unanswered.in(answers);
        if (!unanswered.none() && !sent.blanksConfirmed()) {
            throw new BlankAnswersException(unanswered);
        }
        List<SubmittedAnswer> graded = grading.grade(ids, answers);
        Submission saved = submissions.saveAndFlush(new Submission(a.getId(), candidate.getId(), attemptNo, now, seed,
                graded));
        return result(saved);
    }

    private SubmissionResult result(Submission s) {
        List<AnswerResult> answers = s.getAnswers().stream().map(x -> {
            Question q = planner.question(x.getQuestionId());
            return new AnswerResult(x.getSlot(), x.getQuestionId(), x.getAnswer(), grader.grade(q, x.getAnswer(), 1));
        }).toList();
        return new SubmissionResult(s.getId(), s.getAttemptNo(), s.getSubmittedAt(), s.getScore(), s.getQuestionCount(),
                answers);
    }
}
