package app.bytewise.classroom;

/**
 * Answers left blank that the candidate has not confirmed. Submitting uses up an attempt, so a blank
 * paper is refused before anything is written; the same answers with the blanks confirmed are taken.
 */
public class BlankAnswersException extends InvalidAnswersException {

    private final transient Unanswered unanswered;

    public BlankAnswersException(Unanswered unanswered) {
        super(unanswered.summary() + " (" + unanswered.listed() + "). Nothing was saved; confirm to submit them "
                + "blank.");
        this.unanswered = unanswered;
    }

    public Unanswered unanswered() {
        return unanswered;
    }
}
