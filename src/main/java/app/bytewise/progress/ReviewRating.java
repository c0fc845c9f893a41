package app.bytewise.progress;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Grade;
import app.bytewise.progress.fsrs.Rating;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns a graded answer into the FSRS rating a learner would have pressed: wrong is Again; right
 * but with credit lost (a second try, or the right number in the wrong unit) is Hard; right at the
 * first try is Good, and Easy when it also came fast. An unreadable answer says nothing about
 * memory and gives no rating.
 *
 * <p>"Fast" is a fluent answer: under 20 s for an easy question (a fact recalled), 45 s for a medium
 * one (one formula applied) and 90 s for a hard one (several results chained). An unknown time
 * (zero or negative) is never fast.
 */
public final class ReviewRating {

    private ReviewRating() {
    }

    public static Optional<Rating> of(Grade grade, Difficulty difficulty, Duration timeTaken) {
        return grade.correct().map(right -> {
            if (!right) {
                return Rating.AGAIN;
            }
            if (grade.score() < 1) {
                return Rating.HARD;
            }
            boolean fast = timeTaken.isPositive() && timeTaken.compareTo(fastThreshold(difficulty)) < 0;
            return fast ? Rating.EASY : Rating.GOOD;
        });
    }

    public static Duration fastThreshold(Difficulty difficulty) {
        return switch (difficulty) {
            case EASY -> Duration.ofSeconds(20);
            case MEDIUM -> Duration.ofSeconds(45);
            case HARD -> Duration.ofSeconds(90);
        };
    }
}
