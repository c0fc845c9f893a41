package app.bytewise.progress;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Grade;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.Solution;
import app.bytewise.progress.fsrs.Rating;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewRatingTest {

    private static final Solution SOLUTION = new Solution(List.of(), "", "lessons/x");

    private static Grade grade(Optional<Boolean> correct, double score) {
        return new Grade(correct, score, "42", Optional.empty(), "", SOLUTION);
    }

    @Test
    void wrongIsAgainWhateverTheTime() {
        Grade wrong = new Grade(Optional.of(false), 0, "42", Optional.of(Misconception.GIB_AS_GB), "", SOLUTION);
        assertThat(ReviewRating.of(wrong, Difficulty.EASY, Duration.ofSeconds(1))).hasValue(Rating.AGAIN);
    }

    @Test
    void creditLostOnASecondTryOrAWrongUnitIsHard() {
        assertThat(ReviewRating.of(grade(Optional.of(true), 0.5), Difficulty.MEDIUM, Duration.ofSeconds(5)))
                .hasValue(Rating.HARD);
        assertThat(ReviewRating.of(grade(Optional.of(true), 0.75), Difficulty.MEDIUM, Duration.ofSeconds(5)))
                .hasValue(Rating.HARD);
    }

    @Test
    void aFullMarkIsEasyOnlyUnderTheDifficultysThreshold() {
        Grade right = grade(Optional.of(true), 1);
        assertThat(ReviewRating.of(right, Difficulty.EASY, Duration.ofSeconds(19))).hasValue(Rating.EASY);
        assertThat(ReviewRating.of(right, Difficulty.EASY, Duration.ofSeconds(20))).hasValue(Rating.GOOD);
        assertThat(ReviewRating.of(right, Difficulty.HARD, Duration.ofSeconds(89))).hasValue(Rating.EASY);
        assertThat(ReviewRating.of(right, Difficulty.HARD, Duration.ofSeconds(120))).hasValue(Rating.GOOD);
        assertThat(ReviewRating.of(right, Difficulty.EASY, Duration.ZERO)).hasValue(Rating.GOOD); // time unknown
    }

    @Test
    void anUnreadableAnswerGivesNoRating() {
        assertThat(ReviewRating.of(grade(Optional.empty(), 0), Difficulty.EASY, Duration.ofSeconds(3))).isEmpty();
    }
}
