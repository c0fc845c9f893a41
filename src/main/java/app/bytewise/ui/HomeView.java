package app.bytewise.ui;

import app.bytewise.ui.drill.DrillView;
import app.bytewise.ui.drill.WorkedExamplesView;
import app.bytewise.ui.lesson.LessonsView;
import app.bytewise.ui.estimator.EstimatorView;
import app.bytewise.ui.lab.LabView;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The landing page: what Bytewise is and where to start. */
@Route("")
@PageTitle("Bytewise")
@AnonymousAllowed
public class HomeView extends VerticalLayout {

    public HomeView() {
        addClassName("bw-page");
        Paragraph lead = new Paragraph("How much GPU memory does a model need to run or to train? Learn the "
                + "memory math of large language models, check it against real architectures, and drill it "
                + "until it is second nature.");
        lead.addClassName("bw-lead");
        Div cards = new Div(
                card("Lessons", "Precision formats, KV cache, training memory, quantization, ZeRO and parallelism.",
                        LessonsView.class),
                card("Estimator", "Memory for inference and training from a model's config.json, step by step.",
                        EstimatorView.class),
                card("Drill", "Interview questions graded numerically, with the mistake you made named.",
                        DrillView.class),
                card("Worked examples", "Generated problems solved one step at a time, with the common wrong turns.",
                        WorkedExamplesView.class),
                card("Lab", "Quantize real tensors and measure what each format does to the numbers.",
                        LabView.class));
        cards.addClassName("bw-cards");
        add(new H1("Memory math for LLMs"), lead, cards);
    }

    private static Div card(String title, String text, Class<? extends com.vaadin.flow.component.Component> target) {
        RouterLink link = new RouterLink(target);
        link.add(new H2(title), new Paragraph(text));
        Div card = new Div(link);
        card.addClassName("bw-card");
        return card;
    }
}
