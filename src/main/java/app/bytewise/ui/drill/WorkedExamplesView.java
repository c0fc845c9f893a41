package app.bytewise.ui.drill;

import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionId;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.QuestionTemplate;
import app.bytewise.drill.TemplateCatalog;
import app.bytewise.drill.Topic;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Self-study beside the drill: generated worked examples for a topic, stepped through one engine
 * step at a time. The example's id lives in the URL, so a sheet can be shared, reopened and printed.
 */
@Route("examples")
@PageTitle("Worked examples | Bytewise")
@AnonymousAllowed
public class WorkedExamplesView extends VerticalLayout implements BeforeEnterObserver {

    private final TemplateCatalog catalog;
    private final Select<Topic> topic = new Select<>();
    private final Div area = new Div();
    private Question current;
    private boolean restoring;

    public WorkedExamplesView(TemplateCatalog catalog) {
        this.catalog = catalog;
        addClassName("bw-page");
        addClassName("bw-examples");
        topic.setLabel("Topic");
        topic.setItems(Topic.values());
        topic.setItemLabelGenerator(Topic::title);
        topic.setValue(Topic.KV_CACHE);
        topic.setMinWidth("18rem");
        topic.addValueChangeListener(e -> {
            if (!restoring) {
                show(draw(e.getValue(), seed()));
            }
        });
        Button another = new Button("Another example", e -> show(draw(topic.getValue(), seed())));
        another.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button print = new Button("Print", e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        FlexLayout controls = new FlexLayout(topic, another, print);
        controls.addClassNames("bw-form-row", "bw-no-print");
        area.setWidthFull();
        add(new H1("Worked examples"), lead(), controls, area);
    }

    private static Paragraph lead() {
        Paragraph p = new Paragraph("Step through a generated example: each step shows its formula, the values that "
                + "go in and the result with units, and names the wrong turns people take there. Printing shows every step.");
        p.addClassNames("bw-lead", "bw-no-print");
        return p;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        Optional<Question> fromUrl = Optional.ofNullable(q.get("example")).map(v -> v.get(0)).flatMap(id -> {
            try {
                return catalog.question(QuestionId.parse(id));
            } catch (IllegalArgumentException notAnId) {
                return Optional.empty();
            }
        });
        Optional<Topic> chosen = Optional.ofNullable(q.get("topic")).map(v -> v.get(0)).flatMap(WorkedExamplesView::topic);
        restoring = true;
        fromUrl.map(Question::topic).or(() -> chosen).ifPresent(topic::setValue);
        restoring = false;
        show(fromUrl.or(() -> draw(topic.getValue(), seed())));
    }

    /** The example on screen, for tests. */
    WorkedExampleView example() {
        return (WorkedExampleView) area.getChildren().findFirst().orElseThrow();
    }

    Question current() {
        return current;
    }

    /**
     * The seed picks a template of the topic and its numbers; numeric templates are shown as numeric.
     * Conceptual questions without computed steps are skipped: there is nothing to step through.
     */
    private Optional<Question> draw(Topic t, long seed) {
        List<QuestionTemplate> pool = catalog.matching(Optional.of(t), Optional.empty(), Optional.empty());
        for (int i = 0; i < pool.size(); i++) {
            QuestionTemplate template = pool.get(Math.floorMod(seed + i, pool.size()));
            Question q = template.generate(seed, template.numeric() ? QuestionKind.NUMERIC : QuestionKind.CHOICE);
            if (!q.solution().steps().isEmpty()) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }

    private void show(Optional<Question> question) {
        area.removeAll();
        if (question.isEmpty()) {
            current = null;
            area.add(new Paragraph("No worked examples for this topic yet."));
            return;
        }
        Question q = question.get();
        current = q;
        area.add(new WorkedExampleView(q));
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "examples?"
                + QueryParameters.simple(Map.of("example", q.id().toString())).getQueryString()));
    }

    private static long seed() {
        return ThreadLocalRandom.current().nextLong(1L << 48);
    }

    private static Optional<Topic> topic(String slug) {
        try {
            return Optional.of(Topic.valueOf(slug.toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
