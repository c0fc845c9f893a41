package app.bytewise.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** When a candidate first opened one attempt of an assignment; its time limit counts from here. */
@Entity
@Table(name = "attempt_start")
class AttemptStart {

    /** Assignment, student and attempt number: one start per attempt. */
    @Embeddable
    record Key(@Column(name = "assignment_id") Long assignmentId, @Column(name = "student_id") Long studentId,
            @Column(name = "attempt_no") Integer attemptNo) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    protected AttemptStart() {
        // for JPA
    }

    AttemptStart(Key key, Instant startedAt) {
        this.key = key;
        this.startedAt = startedAt;
    }

    Instant getStartedAt() {
        return startedAt;
    }
}
