package app.bytewise.ui.drill;

import app.bytewise.drill.Lessons;
import app.bytewise.drill.interview.InterviewReport;
import app.bytewise.drill.interview.ItemResult;
import app.bytewise.drill.interview.MisconceptionSeen;
import app.bytewise.drill.interview.TopicScore;
import app.bytewise.ui.StepsView;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Locale;

/** An interview's report: the score, each topic's, the misconceptions seen with their lessons, every solution. */
final class InterviewReportPanel extends Div {

    InterviewReportPanel(InterviewReport r) {
        addClassName("bw-interview-report");
        Paragraph total = new Paragraph(String.format(Locale.ROOT, "Score %.1f / %d · %d left blank%s", r.points(),
                r.items(), r.blanks(), r.timedOut() ? " · time ran out" : ""));
        total.addClassName("bw-interview-score");
        add(new H2("Report"), total, new H3("By topic"), topics(r), new H3("Misconceptions seen"), misconceptions(r),
                new H3("Worked solutions"));
        r.results().forEach(x -> add(result(x)));
    }

    private static UnorderedList topics(InterviewReport r) {
        UnorderedList list = new UnorderedList();
        list.addClassName("bw-interview-topics");
        for (TopicScore t : r.topics()) {
            list.add(new ListItem(new Span(String.format(Locale.ROOT, "%s: %.1f / %d ", t.topic().title(), t.points(),
                    t.items())), new Anchor(Lessons.of(t.topic()), "lesson")));
        }
        return list;
    }

    private static Div misconceptions(InterviewReport r) {
        Div box = new Div();
        box.addClassName("bw-interview-misconceptions");
        if (r.misconceptions().isEmpty()) {
            box.add(new Paragraph("None of the answers showed a named misconception."));
            return box;
        }
        UnorderedList list = new UnorderedList();
        for (MisconceptionSeen m : r.misconceptions()) {
            ListItem item = new ListItem(new Span(m.misconception().title() + (m.times() > 1 ? " (×" + m.times() + ")" : "")
                    + ". " + m.misconception().explanation() + " "));
            m.lessons().forEach(lesson -> item.add(new Anchor(lesson, "Read the lesson")));
            list.add(item);
        }
        box.add(list);
        return box;
    }

    private static Div result(ItemResult x) {
        Div box = new Div();
        box.addClassName("bw-interview-result");
        String status = switch (x.status()) {
            case RIGHT -> "Right";
            case WRONG -> "Wrong";
            case UNREADABLE -> "Not readable";
            case BLANK -> "Blank";
        };
        Paragraph head = new Paragraph(x.label() + " · " + status);
        head.addClassName(x.status() == ItemResult.Status.RIGHT ? "bw-correct" : "bw-wrong");
        box.add(head, new Paragraph(x.text()));
        if (!x.given().isEmpty()) {
            box.add(new Paragraph("Your answer: " + x.given()));
        }
        box.add(new Paragraph("Answer: " + x.expected()));
        x.misconception().ifPresent(m -> {
            Span tag = new Span("Misconception: " + m.title());
            tag.addClassName("bw-misconception");
            box.add(tag);
        });
        box.add(new StepsView(x.solution().steps()), new Paragraph(x.solution().takeaway()));
        return box;
    }
}
