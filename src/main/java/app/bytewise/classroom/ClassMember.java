package app.bytewise.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A candidate's membership of a class. */
@Entity
@Table(name = "class_member")
public class ClassMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "classroom_id", nullable = false)
    private Long classroomId;

    @Column(name = "student_id", nullable = false)
    private Long studentId;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    protected ClassMember() {
        // for JPA
    }

    ClassMember(Long classroomId, Long studentId, Instant joinedAt) {
        this.classroomId = classroomId;
        this.studentId = studentId;
        this.joinedAt = joinedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getClassroomId() {
        return classroomId;
    }

    public Long getStudentId() {
        return studentId;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }
}
