package app.bytewise.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * When a candidate first opened one attempt of an assignment, which its time limit counts from, and
 * the seed its numbers were drawn from (null for attempts opened before attempts had seeds).
 */
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

    @Column(name = "attempt_seed")
    private Long attemptSeed;

    protected AttemptStart() {
        // for JPA
    }

    AttemptStart(Key key, Instant startedAt, long attemptSeed) {
        this.key = key;
        this.startedAt = startedAt;
        this.attemptSeed = attemptSeed;
    }

    AttemptClock.Opening opening() {
        return new AttemptClock.Opening(startedAt, Optional.ofNullable(attemptSeed));
    }
}
