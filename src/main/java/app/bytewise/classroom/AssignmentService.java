package app.bytewise.classroom;

import app.bytewise.security.UserAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assignments: a quiz set to a class for a window of time, and what each candidate sees of them. */
@Service
public class AssignmentService {

    private final AssignmentRepository assignments;
    private final ClassroomRepository classes;
    private final QuizRepository quizzes;
    private final ClassMemberRepository members;
    private final SubmissionRepository submissions;
    private final QuizPlanner planner;
    private final AccessRules access;
    private final Clock clock;
    private final AttemptClock attemptClock;
    private final ExpiredAttempts expired;

    public AssignmentService(AssignmentRepository assignments, ClassroomRepository classes, QuizRepository quizzes,
            ClassMemberRepository members, SubmissionRepository submissions, QuizPlanner planner, AccessRules access,
            Clock clock, AttemptClock attemptClock, ExpiredAttempts expired) {
        this.attemptClock = attemptClock;
        this.expired = expired;
        this.assignments = assignments;
        this.classes = classes;
        this.quizzes = quizzes;
        this.members = members;
        this.submissions = submissions;
        this.planner = planner;
        this.access = access;
        this.clock = clock;
    }

    /** Sets one of the instructor's quizzes to one of their classes, open from {@code opensAt} until {@code dueAt}. */
    @Transactional
    public AssignmentSummary assign(UserAccount instructor, long quizId, long classId, Instant opensAt, Instant dueAt) {
        Quiz quiz = access.ownQuiz(instructor, quizId);
        Classroom c = access.ownClass(instructor, classId);
        if (opensAt == null || dueAt == null) {
            throw new ClassroomException("Give both the opening time and the due time.");
        }
        if (!dueAt.isAfter(opensAt)) {
            throw new ClassroomException("The due time must come after the opening time.");
        }
        Assignment a = assignments.saveAndFlush(new Assignment(quiz.getId(), c.getId(), opensAt, dueAt, clock.instant()));
        return new AssignmentSummary(a.getId(), quiz.getId(), quiz.getTitle(), c.getId(), c.getName(), opensAt, dueAt, 0);
    }

    @Transactional(readOnly = true)
    public List<AssignmentSummary> assignmentsOf(UserAccount instructor) {
        access.requireInstructor(instructor);
        Map<Long, Classroom> own = classes.findByInstructorIdOrderByCreatedAtDesc(instructor.getId()).stream()
                .collect(Collectors.toMap(Classroom::getId, Function.identity()));
        return assignments.findByClassroomIdInOrderByDueAtAsc(own.keySet()).stream().map(a -> {
            Quiz quiz = quizzes.findById(a.getQuizId()).orElseThrow();
            Classroom c = own.get(a.getClassroomId());
            return new AssignmentSummary(a.getId(), quiz.getId(), quiz.getTitle(), c.getId(), c.getName(), a.getOpensAt(),
                    a.getDueAt(), submissions.findByAssignmentIdOrderByStudentIdAscAttemptNoAsc(a.getId()).size());
        }).toList();
    }

    /** The assignments of every class the candidate has joined, soonest due first. */
    @Transactional(readOnly = true)
    public List<StudentAssignment> assignmentsFor(UserAccount candidate) {
        access.requireCandidate(candidate);
        List<Long> joined = members.findByStudentId(candidate.getId()).stream().map(ClassMember::getClassroomId).toList();
        Instant now = clock.instant();
        return assignments.findByClassroomIdInOrderByDueAtAsc(joined).stream().map(a -> {
            Quiz quiz = quizzes.findById(a.getQuizId()).orElseThrow();
            QuizSettings s = quiz.settings();
            List<Submission> mine = submissions.findByAssignmentIdAndStudentIdOrderByAttemptNoAsc(a.getId(),
                    candidate.getId());
            if (expired.closeIfExpired(a, quiz, candidate.getId(), mine.size(), now) != mine.size()) {
                mine = submissions.findByAssignmentIdAndStudentIdOrderByAttemptNoAsc(a.getId(), candidate.getId());
            }
            OptionalDouble best = mine.stream().mapToDouble(Submission::getScore).max();
            return new StudentAssignment(a.getId(), quiz.getTitle(),
                    classes.findById(a.getClassroomId()).map(Classroom::getName).orElse("?"), a.getOpensAt(),
                    a.getDueAt(), s.questionCount(), s.timeLimitMinutes(), mine.size(), s.attemptsAllowed(), best,
                    status(a, now, mine.size(), s.attemptsAllowed()));
        }).toList();
    }

    /**
     * The candidate's next attempt: refused before the window, after it, or with no attempt left. The
     * first opening of an attempt starts its clock and records the seed of its numbers; opening it
     * again shows the same start and the same questions. An opened
     * attempt whose time limit has run out is closed first (see {@link ExpiredAttempts}), so this
     * opens the one after it.
     */
    @Transactional
    public QuizPaper paper(UserAccount candidate, long assignmentId) {
        Assignment a = access.memberAssignment(candidate, assignmentId);
        Quiz quiz = quizzes.findById(a.getQuizId()).orElseThrow();
        Instant now = clock.instant();
        refuseOutsideWindow(a, now);
        int used = expired.closeIfExpired(a, quiz, candidate.getId(),
                submissions.countByAssignmentIdAndStudentId(a.getId(), candidate.getId()), now);
        refuseWhenNoAttemptLeft(used, quiz.settings().attemptsAllowed());
        int attemptNo = used + 1;
        AttemptClock.Opening opening = attemptClock.open(a.getId(), candidate.getId(), attemptNo, now,
                planner.attemptSeed(quiz, candidate.getId(), attemptNo));
        return new QuizPaper(a.getId(), quiz.getTitle(), attemptNo, quiz.settings().timeLimitMinutes(),
                opening.startedAt(), a.getDueAt(),
                planner.questions(planner.questionIds(quiz, candidate.getId(), opening.seed())));
    }

    static AssignmentStatus status(Assignment a, Instant now, int used, int allowed) {
        if (now.isBefore(a.getOpensAt())) {
            return AssignmentStatus.UPCOMING;
        }
        if (now.isAfter(a.getDueAt())) {
            return used == 0 ? AssignmentStatus.MISSED : AssignmentStatus.CLOSED;
        }
        if (used >= allowed) {
            return AssignmentStatus.COMPLETED;
        }
        return used == 0 ? AssignmentStatus.OPEN : AssignmentStatus.SUBMITTED;
    }

    static void refuseOutsideWindow(Assignment a, Instant now) {
        if (now.isBefore(a.getOpensAt())) {
            throw new ClassroomException("This assignment opens at " + a.getOpensAt() + "; it cannot be taken yet.");
        }
        if (now.isAfter(a.getDueAt())) {
            throw new ClassroomException("This assignment was due at " + a.getDueAt()
                    + "; late submissions are not accepted.");
        }
    }

    static void refuseWhenNoAttemptLeft(int used, int allowed) {
        if (used >= allowed) {
            throw new ClassroomException("You have used all " + allowed + (allowed == 1 ? " attempt" : " attempts")
                    + " for this assignment.");
        }
    }
}
