package app.bytewise.progress;

import app.bytewise.drill.Difficulty;

/**
 * Mastery per topic as an Elo rating, the model Pelánek recommends for adaptive practice because it
 * needs no offline fitting and updates in constant time (R. Pelánek, "Applications of the Elo rating
 * system in adaptive educational systems", Computers &amp; Education 98, 2016, 169–179,
 * https://doi.org/10.1016/j.compedu.2016.03.017).
 *
 * <p>Each answer is a match between the learner's topic rating θ and the question's rating q, which
 * comes from the template's {@link Difficulty}. The expected score is
 * E = 1 / (1 + 10^((q − θ)/400)) (Elo's logistic curve on the 400-point scale) and the rating moves
 * by K·(S − E), with S the grade's score from 0 to 1, so a second-try or wrong-unit answer counts as
 * a partial win. K shrinks with the number of answers, K(n) = max(K_min, K₀/(1 + β·n)), Pelánek's
 * uncertainty function (Section 3.2): early answers move the estimate fast, later ones refine it,
 * and the floor keeps it responsive to real progress. Question ratings stay fixed because every
 * template's difficulty is declared by its author.
 *
 * <p>The displayed mastery is the expected score on a hard question, so 1.0 means a learner who
 * reliably chains several results, and a new learner (θ = 0) starts at about 0.24.
 *
 * @param step rating gap between neighbouring difficulty levels
 * @param initialK K₀, the step size of a learner's first answer in a topic
 * @param decay β, how fast K shrinks with the number of answers
 * @param minimumK K_min, the smallest step size
 */
public record EloMastery(double step, double initialK, double decay, double minimumK) {

    public static final EloMastery DEFAULT = new EloMastery(200, 80, 0.05, 16);

    /** The question's rating q: easy −200, medium 0, hard +200 with the default step. */
    public double questionRating(Difficulty difficulty) {
        return (difficulty.level() - Difficulty.MEDIUM.level()) * step;
    }

    /** E = 1 / (1 + 10^((q − θ)/400)). */
    public double expectedScore(double learnerRating, Difficulty difficulty) {
        return 1 / (1 + Math.pow(10, (questionRating(difficulty) - learnerRating) / 400));
    }

    /** K(n) = max(K_min, K₀/(1 + β·n)) for the n-th answer counted from 0. */
    public double k(int answersSoFar) {
        return Math.max(minimumK, initialK / (1 + decay * answersSoFar));
    }

    /** θ' = θ + K(n)·(S − E), with S clamped to 0 … 1. */
    public TopicSkill update(TopicSkill skill, Difficulty difficulty, double score) {
        double s = Math.min(Math.max(score, 0), 1);
        double rating = skill.rating() + k(skill.attempts()) * (s - expectedScore(skill.rating(), difficulty));
        return new TopicSkill(rating, skill.attempts() + 1);
    }

    /** Mastery from 0 to 1: the expected score on a hard question. */
    public double mastery(double learnerRating) {
        return expectedScore(learnerRating, Difficulty.HARD);
    }
}
