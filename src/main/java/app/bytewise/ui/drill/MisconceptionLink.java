package app.bytewise.ui.drill;

import app.bytewise.drill.Misconception;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;

/** The explanation of a named mistake and a link to the lesson that teaches it. */
final class MisconceptionLink {

    private MisconceptionLink() {
    }

    /** The explanation is left out when {@code feedback} already gives it (numeric answers do). */
    static Paragraph of(Misconception m, String feedback) {
        Paragraph p = new Paragraph(feedback.contains(m.explanation()) ? "" : m.explanation() + " ");
        p.add(new Anchor(m.lesson(), "Lesson: " + m.topic().map(t -> t.title()).orElse("all lessons")));
        p.addClassName("bw-misconception-lesson");
        return p;
    }
}
