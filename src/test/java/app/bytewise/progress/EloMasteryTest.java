package app.bytewise.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.bytewise.drill.Difficulty;
import org.junit.jupiter.api.Test;

/** The Elo update worked by hand: E = 1/(1 + 10^((q − θ)/400)), θ' = θ + K(n)·(S − E), K(n) = max(16, 80/(1 + n/20)). */
class EloMasteryTest {

    private static final EloMastery ELO = EloMastery.DEFAULT;

    @Test
    void aFirstRightAnswerOnAnEvenMatchGainsHalfOfK() {
        // θ = q = 0, so E = 0.5 and θ' = 0 + 80 · (1 − 0.5) = 40.
        TopicSkill after = ELO.update(TopicSkill.NEW, Difficulty.MEDIUM, 1);
        assertThat(after.rating()).isCloseTo(40, within(1e-12));
        assertThat(after.attempts()).isEqualTo(1);
    }

    @Test
    void aWrongAnswerOnAHardQuestionCostsLittleAndAHalfMarkOnAnEasyOneCostsMore() {
        TopicSkill skill = new TopicSkill(40, 1);
        // E = 1/(1 + 10^(160/400)) = 0.2847472; K(1) = 80/1.05 = 76.1904762; θ' = 40 − 76.19·0.28475 = 18.3049715.
        assertThat(ELO.expectedScore(40, Difficulty.HARD)).isCloseTo(0.2847472489508014, within(1e-12));
        TopicSkill wrong = ELO.update(skill, Difficulty.HARD, 0);
        assertThat(wrong.rating()).isCloseTo(18.30497150851037, within(1e-9));
        // Then a second-try half mark on an easy question: E = 0.7784514, K(2) = 80/1.1 = 72.73 → θ = −1.946.
        TopicSkill half = ELO.update(wrong, Difficulty.EASY, 0.5);
        assertThat(half.rating()).isCloseTo(-1.946037515828209, within(1e-9));
        assertThat(half.attempts()).isEqualTo(3);
    }

    @Test
    void kShrinksWithAnswersDownToItsFloor() {
        assertThat(ELO.k(0)).isEqualTo(80);
        assertThat(ELO.k(20)).isEqualTo(40);
        assertThat(ELO.k(100)).isEqualTo(16); // 80/6 = 13.3 is below the floor
    }

    @Test
    void masteryIsTheExpectedScoreOnAHardQuestion() {
        assertThat(ELO.mastery(0)).isCloseTo(0.2402530733520421, within(1e-12));
        assertThat(ELO.mastery(200)).isCloseTo(0.5, within(1e-12));
        assertThat(ELO.mastery(600)).isCloseTo(1 / 1.1, within(1e-12)); // 400 points above: 10:1 odds
        assertThat(ELO.questionRating(Difficulty.EASY)).isEqualTo(-200);
    }

    @Test
    void scoresOutsideZeroToOneAreClamped() {
        assertThat(ELO.update(TopicSkill.NEW, Difficulty.MEDIUM, 3).rating()).isCloseTo(40, within(1e-12));
    }
}
