package app.bytewise.ui.drill;

import com.vaadin.flow.component.html.Paragraph;

/**
 * The verdict on a graded answer and its feedback, said once: the grader's feedback for a right
 * choice already opens with "Correct." ("Correct: 13.48 GB." for a number), so the verdict is not
 * put in front of it a second time.
 */
public final class Verdict {

    private Verdict() {
    }

    /** One sentence: the verdict, then the feedback unless it already opens with it. */
    public static String text(boolean right, String feedback) {
        String word = right ? "Correct" : "Not this time";
        String rest = feedback == null ? "" : feedback.strip();
        if (rest.startsWith(word)) {
            return rest;
        }
        return rest.isEmpty() ? word + "." : word + ". " + rest;
    }

    /** The same as a paragraph styled as right or wrong. */
    public static Paragraph paragraph(boolean right, String feedback) {
        Paragraph verdict = new Paragraph(text(right, feedback));
        verdict.addClassName(right ? "bw-correct" : "bw-wrong");
        return verdict;
    }
}
