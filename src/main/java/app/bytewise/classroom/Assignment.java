package app.bytewise.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A quiz set to a class, open for submissions from {@code opensAt} until {@code dueAt}. */
@Entity
@Table(name = "assignment")
public class Assignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "quiz_id", nullable = false)
    private Long quizId;

    @Column(name = "classroom_id", nullable = false)
    private Long classroomId;

    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Assignment() {
        // for JPA
    }

    Assignment(Long quizId, Long classroomId, Instant opensAt, Instant dueAt, Instant createdAt) {
        this.quizId = quizId;
        this.classroomId = classroomId;
        this.opensAt = opensAt;
        this.dueAt = dueAt;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getQuizId() {
        return quizId;
    }

    public Long getClassroomId() {
        return classroomId;
    }

    public Instant getOpensAt() {
        return opensAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
