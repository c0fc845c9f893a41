package app.bytewise.ui.lesson;

import app.bytewise.lesson.Lesson;
import app.bytewise.lesson.LessonLibrary;
import app.bytewise.lesson.LessonRenderer;
import app.bytewise.lesson.RenderedLesson;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** One lesson: rendered Markdown with KaTeX math, live examples, sources and a drill on its topic. */
@Route("lessons/:slug")
@AnonymousAllowed
@NpmPackage(value = "katex", version = "0.16.22")
@JsModule("./lesson-math.js")
public class LessonView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LessonLibrary lessons;
    private final LessonRenderer renderer;
    private final LiveExampleFactory examples;
    private String title = "Lesson | Bytewise";

    public LessonView(LessonLibrary lessons, LessonRenderer renderer, LiveExampleFactory examples) {
        this.lessons = lessons;
        this.renderer = renderer;
        this.examples = examples;
        addClassName("bw-page");
        addClassName("bw-lesson");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        Lesson lesson = lessons.find(slug).orElse(null);
        if (lesson == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        title = lesson.title() + " | Bytewise";
        removeAll();
        RenderedLesson rendered = renderer.render(lesson);
        Div body = new Div();
        body.addClassName("bw-lesson-body");
        for (RenderedLesson.Segment segment : rendered.segments()) {
            switch (segment) {
                case RenderedLesson.Html html -> body.add(new Html("<div>" + html.html() + "</div>"));
                case RenderedLesson.LiveExample live -> body.add(examples.create(live.settings()));
            }
        }
        add(new com.vaadin.flow.component.html.H1(lesson.title()), prerequisites(lesson), body, sources(lesson),
                practice(lesson));
        body.getElement().executeJs("window.bytewiseRenderMath && window.bytewiseRenderMath(this)");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private Div prerequisites(Lesson lesson) {
        Div div = new Div();
        div.addClassName("bw-prerequisites");
        if (!lesson.prerequisites().isEmpty()) {
            div.add(new com.vaadin.flow.component.Text("Before this: "));
            for (String slug : lesson.prerequisites()) {
                lessons.find(slug).ifPresent(p -> {
                    RouterLink link = new RouterLink(p.title(), LessonView.class, new RouteParameters("slug", slug));
                    div.add(link, new com.vaadin.flow.component.Text(" "));
                });
            }
        }
        return div;
    }

    private static Div sources(Lesson lesson) {
        UnorderedList list = new UnorderedList();
        lesson.sources().forEach(s -> list.add(new ListItem(s)));
        Div div = new Div(new H2("Sources"), list);
        div.addClassName("bw-sources");
        return div;
    }

    private static Div practice(Lesson lesson) {
        String topic = lesson.topic().id();
        Button button = new Button("Practice this topic", click -> click.getSource().getUI()
                .ifPresent(ui -> ui.navigate("drill", com.vaadin.flow.router.QueryParameters.of("topic", topic))));
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button examples = new Button("See worked examples", click -> click.getSource().getUI()
                .ifPresent(ui -> ui.navigate("examples", com.vaadin.flow.router.QueryParameters.of("topic", topic))));
        Div div = new Div(new Paragraph("Ready to check yourself?"), button, examples);
        div.addClassName("bw-practice");
        return div;
    }
}
