package app.bytewise.progress.fsrs;

import java.time.Instant;
import java.util.Optional;

/**
 * One card's memory state and schedule, as FSRS keeps it.
 *
 * @param step index into the learning or relearning steps; 0 and unused in {@link CardState#REVIEW}
 * @param stability days until recall probability falls to 90%; 0 before the first review
 * @param difficulty 1 (easy) to 10 (hard); 0 before the first review
 * @param lastReview empty until the first review
 */
public record FsrsCard(CardState state, int step, double stability, double difficulty, Instant due,
        Optional<Instant> lastReview) {

    /** A card never reviewed, due at once. */
    public static FsrsCard fresh(Instant now) {
        return new FsrsCard(CardState.LEARNING, 0, 0, 0, now, Optional.empty());
    }

    public boolean isNew() {
        return lastReview.isEmpty();
    }
}
