package app.bytewise.ui.drill;

/**
 * The answer a question's first try got wrong, so that pressing Enter again on it is not taken as
 * the second try, which would end the question: the drill and the scenarios both ask for a change.
 */
final class FirstMiss {

    private String answer = "";

    /** A new question or step: nothing missed yet. */
    void clear() {
        answer = "";
    }

    /** Records a graded try: a wrong one is kept, a right one clears. */
    void graded(boolean right, String given) {
        answer = right ? "" : given.strip();
    }

    /** Whether the second try ({@code attempt} tries done is 1) repeats the first, wrong answer. */
    boolean repeatedBy(int attempt, String given) {
        return attempt == 1 && given.strip().equalsIgnoreCase(answer);
    }
}
