package app.bytewise.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A class an instructor teaches; candidates join it with its join code. */
@Entity
@Table(name = "classroom")
public class Classroom {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 80)
    private String name;

    @Column(name = "join_code", nullable = false, unique = true, length = 8)
    private String joinCode;

    @Column(name = "instructor_id", nullable = false)
    private Long instructorId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Classroom() {
        // for JPA
    }

    Classroom(String name, String joinCode, Long instructorId, Instant createdAt) {
        this.name = name;
        this.joinCode = joinCode;
        this.instructorId = instructorId;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getJoinCode() {
        return joinCode;
    }

    public Long getInstructorId() {
        return instructorId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
