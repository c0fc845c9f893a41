package app.bytewise.ui.classroom;

import app.bytewise.classroom.Replay;
import app.bytewise.drill.Option;
import app.bytewise.drill.QuestionKind;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

/** The question a student saw, regenerated from its id, with their answer and its grade. */
class QuestionReplay extends Div {

    QuestionReplay(Replay replay) {
        addClassName("bw-question-replay");
        var row = replay.answer();
        var q = replay.question();
        Paragraph meta = new Paragraph(q.topic().title() + " · question id " + q.id()
                + " (the student's numbers, regenerated from it)");
        meta.addClassName("bw-question-meta");
        Paragraph text = new Paragraph(q.text());
        text.addClassName("bw-question-text");
        add(meta, text);
        if (q.kind() == QuestionKind.CHOICE) {
            UnorderedList options = new UnorderedList();
            for (Option o : q.options()) {
                String chosen = o.id().equalsIgnoreCase(row.answer()) ? "  ← chosen" : "";
                options.add(new ListItem(o.id() + ") " + o.text() + (o.correct() ? "  ✓" : "") + chosen));
            }
            add(options);
        }
        add(new Paragraph("Answer given: " + row.response()), new Paragraph("Expected: " + replay.grade().expected()),
                new Paragraph(replay.grade().feedback()));
    }
}
