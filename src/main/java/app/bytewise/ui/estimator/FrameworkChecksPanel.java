package app.bytewise.ui.estimator;

import app.bytewise.engine.training.FrameworkChecks;
import app.bytewise.engine.training.framework.DeepSpeedEstimator;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import java.util.List;

/**
 * What DeepSpeed's estimators and Megatron-LM's report print for the set-up, line for line, so a user can hold
 * them against the framework's own output.
 */
final class FrameworkChecksPanel extends Details {

    FrameworkChecksPanel(FrameworkChecks checks) {
        super("What your framework prints for this set-up");
        addClassName("bw-framework-checks");
        Div body = new Div();
        body.add(new H3("DeepSpeed"), new Paragraph(checks.deepSpeedNote()));
        if (!checks.zero2().isEmpty()) {
            body.add(table("estimate_zero2_model_states_mem_needs_all_cold", checks.zero2()));
        }
        if (!checks.zero3().isEmpty()) {
            body.add(table("estimate_zero3_model_states_mem_needs_all_cold", checks.zero3()));
        }
        body.add(new H3("Megatron-LM"));
        checks.megatron().ifPresent(m -> body.add(scrolling(m.printed())));
        body.add(new Paragraph(checks.megatronNote()));
        add(body);
    }

    private static Div table(String function, List<DeepSpeedEstimator.Row> rows) {
        StringBuilder text = new StringBuilder(function).append(":\n  per CPU  |  per GPU |   Options\n");
        rows.forEach(r -> text.append(r.printed()).append('\n'));
        return scrolling(text.toString().stripTrailing());
    }

    /** Printed lines keep their spacing and scroll inside their own box on a narrow screen. */
    private static Div scrolling(String text) {
        Div box = new Div(new Pre(text));
        box.addClassName("bw-scroll-x");
        box.getStyle().set("overflow-x", "auto");
        return box;
    }
}
