package app.bytewise.classroom;

import org.springframework.security.access.AccessDeniedException;

/** A user asked for a class, quiz, assignment or result that is not theirs, or for an instructor's action. */
public class ClassroomAccessDeniedException extends AccessDeniedException {

    public ClassroomAccessDeniedException(String message) {
        super(message);
    }
}
