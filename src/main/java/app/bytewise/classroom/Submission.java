package app.bytewise.classroom;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One graded attempt at an assignment, saved with all its answers or not at all, and the seed of its numbers. */
@Entity
@Table(name = "submission")
public class Submission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assignment_id", nullable = false)
    private Long assignmentId;

    @Column(name = "student_id", nullable = false)
    private Long studentId;

    @Column(name = "attempt_no", nullable = false)
    private int attemptNo;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(nullable = false)
    private double score;

    @Column(name = "question_count", nullable = false)
    private int questionCount;

    // Null for attempts recorded before attempts had seeds of their own (see QuizPlanner).
    @Column(name = "attempt_seed")
    private Long attemptSeed;

    // Answers belong to their submission only; nothing deletes submissions, so no cascade removes results.
    @OneToMany(cascade = CascadeType.PERSIST)
    @JoinColumn(name = "submission_id", nullable = false, updatable = false)
    @OrderBy("slot")
    private List<SubmittedAnswer> answers = new ArrayList<>();

    protected Submission() {
        // for JPA
    }

    Submission(Long assignmentId, Long studentId, int attemptNo, Instant submittedAt, Optional<Long> attemptSeed,
            List<SubmittedAnswer> answers) {
        this.assignmentId = assignmentId;
        this.studentId = studentId;
        this.attemptNo = attemptNo;
        this.submittedAt = submittedAt;
        this.attemptSeed = attemptSeed.orElse(null);
        this.answers = new ArrayList<>(answers);
        this.score = answers.stream().mapToDouble(SubmittedAnswer::getScore).sum();
        this.questionCount = answers.size();
    }

    public Long getId() {
        return id;
    }

    public Long getAssignmentId() {
        return assignmentId;
    }

    public Long getStudentId() {
        return studentId;
    }

    public int getAttemptNo() {
        return attemptNo;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public double getScore() {
        return score;
    }

    public int getQuestionCount() {
        return questionCount;
    }

    /** The seed this attempt's numbers were drawn from; empty for attempts from before attempts had seeds. */
    public Optional<Long> getAttemptSeed() {
        return Optional.ofNullable(attemptSeed);
    }

    public List<SubmittedAnswer> getAnswers() {
        return List.copyOf(answers);
    }
}
