package app.bytewise.classroom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a candidate sends for an attempt: one answer per question, in order (option letter or typed
 * value; blank for none); the number of the attempt whose paper was answered, when known, since each
 * attempt has its own numbers; and whether blank answers were confirmed as meant.
 */
public record AttemptAnswers(List<String> answers, Optional<Integer> attemptNo, boolean blanksConfirmed) {

    public AttemptAnswers {
        // Nulls stay: a JSON null among the answers is a blank one; a missing list is refused by the service.
        answers = answers == null ? null : Collections.unmodifiableList(new ArrayList<>(answers));
        Objects.requireNonNull(attemptNo);
    }

    /** Answers for the next attempt, blanks not confirmed. */
    public static AttemptAnswers of(List<String> answers) {
        return new AttemptAnswers(answers, Optional.empty(), false);
    }

    /** These answers, as answers to the paper of attempt {@code n}. */
    public AttemptAnswers forAttempt(int n) {
        return new AttemptAnswers(answers, Optional.of(n), blanksConfirmed);
    }

    /** These answers with their blanks confirmed. */
    public AttemptAnswers confirmingBlanks() {
        return new AttemptAnswers(answers, attemptNo, true);
    }
}
