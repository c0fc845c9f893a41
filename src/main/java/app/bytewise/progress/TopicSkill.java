package app.bytewise.progress;

/**
 * A learner's Elo rating in one topic and how many graded answers it rests on.
 *
 * @param rating on the Elo scale, where 400 points mean 10:1 odds
 */
public record TopicSkill(double rating, int attempts) {

    public static final TopicSkill NEW = new TopicSkill(0, 0);
}
