package app.bytewise.progress;

import java.time.LocalDate;

/**
 * One day's readable answers.
 *
 * @param answered answers that could be graded (unreadable ones are not counted)
 * @param correct of those, how many were right (a right second try counts)
 */
public record DailyAccuracy(LocalDate day, int answered, int correct) {

    /** Share right, 0 to 1. */
    public double accuracy() {
        return answered == 0 ? 0 : (double) correct / answered;
    }
}
