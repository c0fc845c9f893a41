package app.bytewise.progress;

/**
 * Two streaks a learner can keep.
 *
 * @param days consecutive calendar days with at least one recorded answer, ending today, or yesterday
 *     while today is still open
 * @param correctInARow right answers since the last wrong one (unreadable answers neither count nor break it)
 */
public record Streak(int days, int correctInARow) {
}
