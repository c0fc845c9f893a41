package app.bytewise.api;

import app.bytewise.classroom.AnswerResult;
import app.bytewise.classroom.AssignmentService;
import app.bytewise.classroom.AttemptAnswers;
import app.bytewise.classroom.QuizPaper;
import app.bytewise.classroom.StudentAssignment;
import app.bytewise.classroom.SubmissionResult;
import app.bytewise.classroom.SubmissionService;
import app.bytewise.security.UserAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A candidate's assignments and submissions. The classroom services check membership and attempts;
 * the caller is whoever the credentials name. An assignment outside the caller's classes is a 403,
 * whether or not it exists, so ids reveal nothing.
 */
@RestController
@RequestMapping("/api/v1/assignments")
@Tag(name = "Assignments", description = "A candidate's assignments; submitting an attempt")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "basic")
class AssignmentController {

    private final ApiUser users;
    private final AssignmentService assignments;
    private final SubmissionService submissions;

    AssignmentController(ApiUser users, AssignmentService assignments, SubmissionService submissions) {
        this.users = users;
        this.assignments = assignments;
        this.submissions = submissions;
    }

    record AssignmentView(long id, String quiz, String className, Instant opensAt, Instant dueAt, int questionCount,
            Integer timeLimitMinutes, int attemptsUsed, int attemptsAllowed, Double bestScore, String status) {
    }

    /**
     * One answer per question, in order: an option letter or a number with its unit; blank for none,
     * taken only with {@code confirmBlank}. {@code attemptNo}, from the paper, guards against answering
     * one attempt's numbers as another's.
     */
    record SubmissionRequest(List<String> answers, Boolean confirmBlank, Integer attemptNo) {

        AttemptAnswers attemptAnswers() {
            AttemptAnswers sent = new AttemptAnswers(answers, Optional.ofNullable(attemptNo), false);
            return Boolean.TRUE.equals(confirmBlank) ? sent.confirmingBlanks() : sent;
        }
    }

    record AnswerView(int slot, String questionId, String answer, Boolean correct, double score) {
    }

    record SubmissionView(long id, int attemptNo, Instant submittedAt, double score, int questionCount,
            List<AnswerView> answers) {
    }

    record PaperView(long assignmentId, String quiz, int attemptNo, Integer timeLimitMinutes, Instant startedAt,
            Instant dueAt, List<DrillController.QuestionView> questions) {
    }

    @Operation(summary = "The assignments of the caller's classes, soonest due first",
            description = "Candidates only (403 for instructors).")
    @GetMapping
    List<AssignmentView> assignments(Authentication authentication) {
        return assignments.assignmentsFor(users.require(authentication)).stream().map(AssignmentController::view)
                .toList();
    }

    @Operation(summary = "The caller's submissions to one assignment, first attempt first")
    @GetMapping("/{id}/submissions")
    List<SubmissionView> submissions(@PathVariable long id, Authentication authentication) {
        return submissions.submissionsOf(users.require(authentication), id).stream().map(AssignmentController::view)
                .toList();
    }

    @Operation(summary = "Open the next attempt: its questions, and the start its time limit counts from",
            description = "The first call for an attempt starts its clock on the server; calling again returns the "
                    + "same questions and start. 409 outside the window or with no attempt left.")
    @PostMapping("/{id}/paper")
    PaperView paper(@PathVariable long id, Authentication authentication) {
        QuizPaper p = assignments.paper(users.require(authentication), id);
        return new PaperView(p.assignmentId(), p.title(), p.attemptNo(), p.timeLimitMinutes().orElse(null),
                p.startedAt(), p.dueAt(), p.questions().stream().map(DrillController::view).toList());
    }

    @Operation(summary = "Submit the next attempt: graded and saved whole in one transaction",
            description = "409 when the rules refuse it (window closed, no attempt left, this attempt already "
                    + "submitted elsewhere or 'attemptNo' not the next one, a timed quiz never opened or past its "
                    + "limit); 400 naming 'answers' when there is not one answer per question; 422 naming "
                    + "'answers', with 'unansweredSlots', when answers are blank and 'confirmBlank' is not true "
                    + "(nothing is saved); 403 outside the caller's classes.")
    @PostMapping("/{id}/submissions")
    @ResponseStatus(HttpStatus.CREATED)
    SubmissionView submit(@PathVariable long id, @RequestBody SubmissionRequest request, Authentication authentication) {
        UserAccount me = users.require(authentication);
        // A timed quiz counts from the start the server stored when the paper was opened.
        return view(submissions.submit(me, id, request.attemptAnswers()));
    }

    private static AssignmentView view(StudentAssignment a) {
        return new AssignmentView(a.id(), a.quizTitle(), a.className(), a.opensAt(), a.dueAt(), a.questionCount(),
                a.timeLimitMinutes().orElse(null), a.attemptsUsed(), a.attemptsAllowed(),
                a.bestScore().isPresent() ? a.bestScore().getAsDouble() : null, a.status().name());
    }

    private static SubmissionView view(SubmissionResult s) {
        return new SubmissionView(s.submissionId(), s.attemptNo(), s.submittedAt(), s.score(), s.questionCount(),
                s.answers().stream().map(AssignmentController::view).toList());
    }

    private static AnswerView view(AnswerResult a) {
        return new AnswerView(a.slot(), a.questionId().toString(), a.answer(), a.grade().correct().orElse(null),
                a.grade().score());
    }
}
