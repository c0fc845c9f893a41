package app.bytewise.classroom;

/** A request the classroom rules refuse (wrong join code, late submission, ...); the message says why, for the user. */
public class ClassroomException extends RuntimeException {

    public ClassroomException(String message) {
        super(message);
    }
}
