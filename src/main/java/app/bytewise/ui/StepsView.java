package app.bytewise.ui;

import app.bytewise.engine.ByteCount;
import app.bytewise.engine.Step;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.stream.Collectors;

/** The engine's steps as a worked solution: name, formula, values put in, and the result with units. */
public class StepsView extends OrderedList {

    public StepsView(List<Step> steps) {
        addClassName("bw-steps");
        for (Step step : steps) {
            Span name = new Span(step.name());
            name.addClassName("bw-step-name");
            Div formula = new Div(new Span(step.formula()));
            formula.addClassName("bw-step-formula");
            String inputs = step.inputs().stream()
                    .map(i -> i.symbol() + " = " + i.value() + (i.unit().isEmpty() ? "" : " " + i.unit()))
                    .collect(Collectors.joining(", "));
            Div values = new Div(new Span(app.bytewise.engine.Plural.singularAfterOne(inputs)));
            values.addClassName("bw-step-values");
            String result = step.shownResult();
            Div res = new Div(new Span("= " + result));
            res.addClassName("bw-step-result");
            ListItem item = new ListItem(name, formula);
            if (!inputs.isEmpty()) {
                item.add(values);
            }
            item.add(res);
            if (!step.note().isEmpty()) {
                Div note = new Div(new Span(app.bytewise.engine.Plural.singularAfterOne(step.note())));
                note.addClassName("bw-step-note");
                item.add(note);
            }
            add(item);
        }
    }

    static String bytes(long value) {
        return ByteCount.of(value).display();
    }
}
