package app.bytewise.classroom;

import app.bytewise.security.Role;
import app.bytewise.security.UserAccount;
import org.springframework.stereotype.Component;

/**
 * Who may touch what, checked by every service method whatever view or caller it serves: an
 * instructor only their own classes, quizzes and assignments; a candidate only classes they joined.
 * A missing record and someone else's record get the same answer, so ids reveal nothing.
 */
@Component
class AccessRules {

    private final ClassroomRepository classes;
    private final QuizRepository quizzes;
    private final AssignmentRepository assignments;
    private final ClassMemberRepository members;

    AccessRules(ClassroomRepository classes, QuizRepository quizzes, AssignmentRepository assignments,
            ClassMemberRepository members) {
        this.classes = classes;
        this.quizzes = quizzes;
        this.assignments = assignments;
        this.members = members;
    }

    void requireInstructor(UserAccount actor) {
        if (actor == null || actor.getRole() != Role.INSTRUCTOR) {
            throw new ClassroomAccessDeniedException("Only instructors can do this.");
        }
    }

    void requireCandidate(UserAccount actor) {
        if (actor == null || actor.getRole() != Role.CANDIDATE) {
            throw new ClassroomAccessDeniedException("Only candidates can do this.");
        }
    }

    Classroom ownClass(UserAccount instructor, long classId) {
        requireInstructor(instructor);
        return classes.findById(classId).filter(c -> c.getInstructorId().equals(instructor.getId()))
                .orElseThrow(() -> new ClassroomAccessDeniedException("No such class among yours."));
    }

    Quiz ownQuiz(UserAccount instructor, long quizId) {
        requireInstructor(instructor);
        return quizzes.findById(quizId).filter(q -> q.getInstructorId().equals(instructor.getId()))
                .orElseThrow(() -> new ClassroomAccessDeniedException("No such quiz among yours."));
    }

    Assignment ownAssignment(UserAccount instructor, long assignmentId) {
        requireInstructor(instructor);
        // Someone else's assignment and a missing one get the same refusal, so ids cannot be probed.
        return assignments.findById(assignmentId)
                .filter(a -> classes.findById(a.getClassroomId())
                        .filter(c -> c.getInstructorId().equals(instructor.getId())).isPresent())
                .orElseThrow(() -> new ClassroomAccessDeniedException("No such assignment among yours."));
    }

    /** An assignment of a class the candidate has joined. */
    Assignment memberAssignment(UserAccount candidate, long assignmentId) {
        requireCandidate(candidate);
        return assignments.findById(assignmentId)
                .filter(a -> members.existsByClassroomIdAndStudentId(a.getClassroomId(), candidate.getId()))
                .orElseThrow(() -> new ClassroomAccessDeniedException("No such assignment in your classes."));
    }
}
