package app.bytewise.progress.fsrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FSRS-5 against the reference scheduler py-fsrs 5.1.3 with fuzzing off
 * (https://github.com/open-spaced-repetition/py-fsrs/blob/v5.1.3/tests/test_basic.py). The interval
 * history and the memory state after the 7th review are the numbers its unit tests assert; the
 * full-precision stabilities and difficulties were printed by that same reference code.
 */
class FsrsTest {

    private static final Fsrs FSRS = Fsrs.DEFAULT;
    private static final Instant START = Instant.parse("2022-11-29T12:30:00Z");

    @Test
    void reviewingOnEachDueDateGivesTheReferenceIntervals() {
        List<Rating> ratings = List.of(Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD,
                Rating.AGAIN, Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD);
        FsrsCard card = FsrsCard.fresh(START);
        Instant at = START;
        List<Long> intervals = new ArrayList<>();
        for (Rating r : ratings) {
            card = FSRS.review(card, r, at);
            intervals.add(Duration.between(card.lastReview().orElseThrow(), card.due()).toDays());
            at = card.due();
        }
        // py-fsrs test_review_card
        assertThat(intervals).containsExactly(0L, 4L, 14L, 44L, 125L, 328L, 0L, 0L, 7L, 16L, 34L, 71L, 142L);
        assertThat(card.state()).isEqualTo(CardState.REVIEW);
        assertThat(card.stability()).isCloseTo(141.83400397565077, within(1e-9));
        assertThat(card.difficulty()).isCloseTo(7.689881918138517, within(1e-9));
        assertThat(card.due()).isEqualTo(Instant.parse("2025-01-22T13:00:00Z"));
    }

    @Test
    void memoryStateAfterALapseAndFiveGoodReviewsMatchesTheReference() {
        // py-fsrs test_memo_state: the review times are fixed, so fuzzing does not enter.
        List<Rating> ratings = List.of(Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD);
        int[] gapDays = {0, 0, 1, 3, 8, 21};
        FsrsCard card = FsrsCard.fresh(START);
        Instant at = START;
        for (int i = 0; i < ratings.size(); i++) {
            card = FSRS.review(card, ratings.get(i), at);
            at = at.plus(Duration.ofDays(gapDays[i]));
        }
        card = FSRS.review(card, Rating.GOOD, at);
        assertThat(Math.round(card.stability())).isEqualTo(49);
        assertThat(card.difficulty()).isCloseTo(7.0866, within(0.00005));
    }

    @Test
    void firstRatingsSetTheInitialStateAndSteps() {
        Instant at = Instant.parse("2024-01-01T09:00:00Z");
        FsrsCard again = FSRS.review(FsrsCard.fresh(at), Rating.AGAIN, at);
        FsrsCard hard = FSRS.review(FsrsCard.fresh(at), Rating.HARD, at);
        FsrsCard good = FSRS.review(FsrsCard.fresh(at), Rating.GOOD, at);
        FsrsCard easy = FSRS.review(FsrsCard.fresh(at), Rating.EASY, at);
        assertThat(again.stability()).isEqualTo(0.40255);
        assertThat(again.difficulty()).isEqualTo(7.1949);
        assertThat(again.due()).isEqualTo(Instant.parse("2024-01-01T09:01:00Z"));
        assertThat(hard.difficulty()).isCloseTo(6.488305268471453, within(1e-12));
        assertThat(hard.due()).isEqualTo(Instant.parse("2024-01-01T09:05:30Z"));
        assertThat(good.state()).isEqualTo(CardState.LEARNING);
        assertThat(good.step()).isEqualTo(1);
        assertThat(good.difficulty()).isCloseTo(5.282434422319005, within(1e-12));
        assertThat(good.due()).isEqualTo(Instant.parse("2024-01-01T09:10:00Z"));
        assertThat(easy.state()).isEqualTo(CardState.REVIEW);
        assertThat(easy.difficulty()).isCloseTo(3.2245015893713678, within(1e-12));
        assertThat(easy.due()).isEqualTo(Instant.parse("2024-01-17T09:00:00Z"));
    }

    @Test
    void mixedRatingsAtIrregularTimesFollowTheReference() {
        // Printed by py-fsrs 5.1.3 (fuzzing off) for this exact sequence.
        record Step(Rating rating, Duration gap, CardState state, double stability, double difficulty, String due) {
        }
        List<Step> steps = List.of(
                new Step(Rating.HARD, Duration.ZERO, CardState.LEARNING, 1.18385, 6.488305268471453,
                        "2024-01-01T09:05:30Z"),
                new Step(Rating.GOOD, Duration.ofDays(1), CardState.LEARNING, 3.4452449488138597, 6.473291771547592,
                        "2024-01-02T09:10:00Z"),
                new Step(Rating.EASY, Duration.ofDays(3), CardState.REVIEW, 21.315113716214118, 5.888712577239973,
                        "2024-01-26T09:00:00Z"),
                new Step(Rating.AGAIN, Duration.ofDays(10), CardState.RELEARNING, 2.7002422361659066, 7.20456946916214,
                        "2024-01-15T09:10:00Z"),
                new Step(Rating.HARD, Duration.ofMinutes(10), CardState.RELEARNING, 2.2677751507830157,
                        7.63777976715936, "2024-01-15T09:25:00Z"),
                new Step(Rating.GOOD, Duration.ofDays(2), CardState.REVIEW, 5.375086622114993, 7.617478687541535,
                        "2024-01-22T09:10:00Z"));
        Instant at = Instant.parse("2024-01-01T09:00:00Z");
        FsrsCard card = FsrsCard.fresh(at);
        for (Step s : steps) {
            at = at.plus(s.gap());
            card = FSRS.review(card, s.rating(), at);
            assertThat(card.state()).as(s.toString()).isEqualTo(s.state());
            assertThat(card.stability()).as(s.toString()).isCloseTo(s.stability(), within(1e-9));
            assertThat(card.difficulty()).as(s.toString()).isCloseTo(s.difficulty(), within(1e-9));
            assertThat(card.due()).as(s.toString()).isEqualTo(Instant.parse(s.due()));
        }
    }

    @Test
    void repeatedEasyReviewsDriveDifficultyToItsFloor() {
        // py-fsrs test_repeated_correct_reviews
        FsrsCard card = FsrsCard.fresh(START);
        for (int i = 0; i < 10; i++) {
            card = FSRS.review(card, Rating.EASY, START.plusNanos(i * 1000L));
        }
        assertThat(card.difficulty()).isEqualTo(1.0);
    }

    @Test
    void retrievabilityIsNinetyPercentAfterOneStability() {
        FsrsCard card = new FsrsCard(CardState.REVIEW, 0, 10, 5, START, java.util.Optional.of(START));
        assertThat(FSRS.retrievability(card, START.plus(Duration.ofDays(10)))).isCloseTo(0.9, within(1e-12));
        assertThat(FSRS.retrievability(FsrsCard.fresh(START), START)).isZero();
        assertThat(FSRS.intervalDays(10)).isEqualTo(10);
    }
}
