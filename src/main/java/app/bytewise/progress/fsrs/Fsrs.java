package app.bytewise.progress.fsrs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The FSRS-5 spaced-repetition scheduler: after each review it updates a card's stability S (days
 * until recall probability falls to 90%) and difficulty D (1–10), then schedules the next review
 * when the predicted recall probability reaches the desired retention.
 *
 * <p>Formulas from "The Algorithm", FSRS-5 section
 * (https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm), and the state machine
 * with learning and relearning steps from the reference scheduler py-fsrs 5.1.3
 * (https://github.com/open-spaced-repetition/py-fsrs/blob/v5.1.3/fsrs/fsrs.py), whose published
 * unit-test numbers the tests reproduce. Interval fuzzing is left out: a learner here has few cards,
 * so reviews bunching on one day matters less than a schedule that can be explained and tested.
 *
 * @param w the 19 model weights w0…w18
 * @param desiredRetention the recall probability at which a review is scheduled
 * @param learningSteps the short waits of a new card before it graduates to review
 * @param relearningSteps the short waits after a lapse
 * @param maximumIntervalDays the longest wait between reviews
 */
public record Fsrs(List<Double> w, double desiredRetention, List<Duration> learningSteps,
        List<Duration> relearningSteps, int maximumIntervalDays) {

    /** FSRS-5 default weights, as published in py-fsrs 5.1.3 (DEFAULT_PARAMETERS). */
    public static final List<Double> FSRS5_WEIGHTS = List.of(0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345,
            1.4604, 0.0046, 1.54575, 0.1192, 1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621);

    /** Default weights, 90% retention, learning steps 1 and 10 minutes, relearning 10 minutes, as in py-fsrs. */
    public static final Fsrs DEFAULT = new Fsrs(FSRS5_WEIGHTS, 0.9,
            List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)), List.of(Duration.ofMinutes(10)), 36500);

    // Power forgetting curve R(t, S) = (1 + FACTOR·t/S)^DECAY with R(S, S) = 0.9, so FACTOR = 0.9^(1/DECAY) − 1 = 19/81.
    private static final double DECAY = -0.5;
    private static final double FACTOR = Math.pow(0.9, 1 / DECAY) - 1;
    private static final double MIN_DIFFICULTY = 1;
    private static final double MAX_DIFFICULTY = 10;
    private static final long SECONDS_PER_DAY = 86_400;

    public Fsrs {
        if (w.size() != 19) {
            throw new IllegalArgumentException("FSRS-5 has 19 weights, not " + w.size());
        }
        if (!(desiredRetention > 0 && desiredRetention < 1)) {
            throw new IllegalArgumentException("desired retention must lie between 0 and 1");
        }
        w = List.copyOf(w);
        learningSteps = List.copyOf(learningSteps);
        relearningSteps = List.copyOf(relearningSteps);
    }

    /** Predicted probability of recall at {@code at}: R(t, S) with t in whole days since the last review. */
    public double retrievability(FsrsCard card, Instant at) {
        if (card.isNew()) {
            return 0;
        }
        return Math.pow(1 + FACTOR * elapsedDays(card, at) / card.stability(), DECAY);
    }

    /** The card after a review rated {@code rating} at {@code at}. */
    public FsrsCard review(FsrsCard card, Rating rating, Instant at) {
        double stability;
        double difficulty;
        if (card.isNew()) {
            stability = initialStability(rating);
            difficulty = initialDifficulty(rating);
        } else {
            // Reviews on the day of the last one change memory little: FSRS-5's short-term stability.
            stability = elapsedDays(card, at) < 1 ? shortTermStability(card.stability(), rating)
                    : nextStability(card.difficulty(), card.stability(), retrievability(card, at), rating);
            difficulty = nextDifficulty(card.difficulty(), rating);
        }
        return switch (card.state()) {
            case LEARNING, RELEARNING -> stepped(card, rating, at, stability, difficulty);
            case REVIEW -> rating == Rating.AGAIN && !relearningSteps.isEmpty()
                    ? new FsrsCard(CardState.RELEARNING, 0, stability, difficulty, at.plus(relearningSteps.get(0)),
                            Optional.of(at))
                    : graduated(at, stability, difficulty);
        };
    }

    /** Whole days until R falls to the desired retention: I = S/FACTOR · (r^(1/DECAY) − 1), rounded, 1 … maximum. */
    public int intervalDays(double stability) {
        double days = stability / FACTOR * (Math.pow(desiredRetention, 1 / DECAY) - 1);
        // Math.rint rounds halves to even, as Python's round() in the reference does.
        return (int) Math.min(Math.max(Math.rint(days), 1), maximumIntervalDays);
    }

    private FsrsCard stepped(FsrsCard card, Rating rating, Instant at, double stability, double difficulty) {
        List<Duration> steps = card.state() == CardState.LEARNING ? learningSteps : relearningSteps;
        int step = card.step();
        if (steps.isEmpty() || (step >= steps.size() && rating != Rating.AGAIN)) {
            return graduated(at, stability, difficulty);
        }
        Duration wait;
        switch (rating) {
            case AGAIN -> {
                step = 0;
                wait = steps.get(0);
            }
            case HARD -> wait = step == 0 && steps.size() == 1 ? steps.get(0).multipliedBy(3).dividedBy(2)
                    : step == 0 ? steps.get(0).plus(steps.get(1)).dividedBy(2) : steps.get(step);
            case GOOD -> {
                if (step + 1 == steps.size()) {
                    return graduated(at, stability, difficulty);
                }
                step++;
                wait = steps.get(step);
            }
            case EASY -> {
                return graduated(at, stability, difficulty);
            }
            default -> throw new IllegalStateException();
        }
        return new FsrsCard(card.state(), step, stability, difficulty, at.plus(wait), Optional.of(at));
    }

    private FsrsCard graduated(Instant at, double stability, double difficulty) {
        return new FsrsCard(CardState.REVIEW, 0, stability, difficulty,
                at.plus(Duration.ofDays(intervalDays(stability))), Optional.of(at));
    }

    /** S0(G) = w[G−1], at least 0.1. */
    private double initialStability(Rating rating) {
        return Math.max(w.get(rating.value() - 1), 0.1);
    }

    /** D0(G) = w4 − e^(w5·(G−1)) + 1, clamped to 1 … 10. */
    private double initialDifficulty(Rating rating) {
        return clampDifficulty(w.get(4) - Math.exp(w.get(5) * (rating.value() - 1)) + 1);
    }

    /** D' = w7·D0(4) + (1 − w7)·(D + ΔD·(10 − D)/9) with ΔD = −w6·(G − 3): linear damping, then mean reversion. */
    private double nextDifficulty(double difficulty, Rating rating) {
        double delta = -w.get(6) * (rating.value() - 3);
        double damped = difficulty + delta * (10 - difficulty) / 9;
        return clampDifficulty(w.get(7) * initialDifficulty(Rating.EASY) + (1 - w.get(7)) * damped);
    }

    /** S' = S·e^(w17·(G − 3 + w18)), for a review on the day of the last one. */
    private double shortTermStability(double stability, Rating rating) {
        return stability * Math.exp(w.get(17) * (rating.value() - 3 + w.get(18)));
    }

    private double nextStability(double difficulty, double stability, double r, Rating rating) {
        if (rating == Rating.AGAIN) {
            // S'f = min(w11·D^−w12·((S+1)^w13 − 1)·e^(w14·(1−R)), S / e^(w17·w18))
            double longTerm = w.get(11) * Math.pow(difficulty, -w.get(12)) * (Math.pow(stability + 1, w.get(13)) - 1)
                    * Math.exp((1 - r) * w.get(14));
            return Math.min(longTerm, stability / Math.exp(w.get(17) * w.get(18)));
        }
        // S'r = S·(1 + e^w8·(11 − D)·S^−w9·(e^(w10·(1−R)) − 1)·hardPenalty·easyBonus)
        double hardPenalty = rating == Rating.HARD ? w.get(15) : 1;
        double easyBonus = rating == Rating.EASY ? w.get(16) : 1;
        return stability * (1 + Math.exp(w.get(8)) * (11 - difficulty) * Math.pow(stability, -w.get(9))
                * (Math.exp((1 - r) * w.get(10)) - 1) * hardPenalty * easyBonus);
    }

    private static double clampDifficulty(double d) {
        return Math.min(Math.max(d, MIN_DIFFICULTY), MAX_DIFFICULTY);
    }

    /** Whole days since the last review, rounded down as Python's timedelta.days does. */
    private static long elapsedDays(FsrsCard card, Instant at) {
        return Math.floorDiv(Duration.between(card.lastReview().orElseThrow(), at).toSeconds(), SECONDS_PER_DAY);
    }
}
