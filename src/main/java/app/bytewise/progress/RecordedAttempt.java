package app.bytewise.progress;

import app.bytewise.progress.fsrs.Rating;
import java.time.Instant;
import java.util.Optional;

/**
 * What recording an answer changed.
 *
 * @param rating the FSRS rating the answer counted as; empty for an unreadable answer
 * @param mastery the topic's mastery afterwards, 0 to 1
 * @param nextReview when the template is due again; empty for an unreadable answer
 */
public record RecordedAttempt(long attemptId, Optional<Rating> rating, double mastery, Optional<Instant> nextReview) {
}
