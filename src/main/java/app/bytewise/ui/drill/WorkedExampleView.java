package app.bytewise.ui.drill;

import app.bytewise.ui.StepsView;
import app.bytewise.ui.StepsView;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.Question;
import app.bytewise.drill.WrongTurns;
import app.bytewise.engine.Step;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One worked example: the question, then the engine's steps revealed one at a time, each with the
 * wrong turns commonly taken there and where they lead. Hidden steps stay in the page so that a
 * printout always carries the whole solution.
 */
final class WorkedExampleView extends Div {

    static final String HIDDEN = "bw-step-hidden";

    private final List<Component> steps;
    private final Div ending = new Div();
    private final Button next = new Button("Show next step");
    private final Button all = new Button("Show all steps");
    private int shown;

    WorkedExampleView(Question q) {
        addClassName("bw-worked-example");
        Paragraph meta = new Paragraph(q.topic().title() + " · " + q.difficulty().name().toLowerCase(java.util.Locale.ROOT)
                + " · question id " + q.id() + " (its link gives these numbers again)");
        meta.addClassName("bw-question-meta");
        Paragraph text = new Paragraph(q.text());
        text.addClassName("bw-question-text");
        add(meta, text);
        if (q.numeric().isEmpty() && !q.options().isEmpty()) {
            UnorderedList options = new UnorderedList();
            q.options().forEach(o -> options.add(new ListItem(o.id() + ")  " + o.text())));
            add(options);
        }
        List<Step> solution = q.solution().steps();
        StepsView view = new StepsView(solution);
        steps = view.getChildren().toList();
        Map<Integer, List<Misconception>> turns = WrongTurns.place(solution, q.distractors().keySet());
        turns.forEach((index, mistakes) -> mistakes.forEach(m -> ((ListItem) steps.get(index)).add(wrongTurn(q, m))));
        steps.forEach(s -> s.addClassName(HIDDEN));
        add(new H2("Solution"), view);

        next.addClickListener(e -> reveal(1));
        all.addClickListener(e -> reveal(steps.size()));
        Div controls = new Div(next, all);
        controls.addClassNames("bw-actions", "bw-no-print");
        add(controls);

        ending.addClassName(HIDDEN);
        ending.add(new Paragraph("Answer: " + q.numeric().map(n -> n.expected())
                .orElseGet(() -> q.correctOption().map(o -> o.id() + ") " + o.text()).orElse(""))));
        ending.add(new Paragraph(q.solution().takeaway()));
        Anchor similar = new Anchor("drill?template=" + q.id().template(), "Try a similar one");
        similar.addClassName("bw-no-print");
        Anchor lesson = new Anchor(q.solution().lesson(), "Read the lesson");
        lesson.addClassName("bw-no-print");
        Div links = new Div(similar, lesson);
        links.addClassName("bw-actions");
        ending.add(links);
        add(ending);
    }

    /** How many steps are on screen, for tests. */
    int shown() {
        return shown;
    }

    int stepCount() {
        return steps.size();
    }

    void reveal(int count) {
        int target = Math.min(steps.size(), shown + count);
        for (int i = shown; i < target; i++) {
            steps.get(i).removeClassName(HIDDEN);
        }
        shown = target;
        if (shown == steps.size()) {
            ending.removeClassName(HIDDEN);
            next.setEnabled(false);
            all.setEnabled(false);
        }
    }

    private static Component wrongTurn(Question q, Misconception m) {
        BigDecimal value = q.distractors().get(m);
        String leadsTo = value == null || q.numeric().isEmpty() ? "" : " It leads to " + q.numeric().get().format(value) + ".";
        Span title = new Span("Wrong turn: " + m.title() + ". ");
        title.addClassName("bw-wrong-turn-title");
        Div turn = new Div(title, new Span(m.explanation() + leadsTo));
        turn.addClassName("bw-wrong-turn");
        return turn;
    }
}
