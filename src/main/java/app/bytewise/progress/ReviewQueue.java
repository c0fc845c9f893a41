package app.bytewise.progress;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What is due for review now, most overdue first, and when the next not-yet-due card falls due.
 */
public record ReviewQueue(List<DueReview> due, Optional<Instant> nextDue) {

    public ReviewQueue {
        due = List.copyOf(due);
    }

    public int dueCount() {
        return due.size();
    }
}
