package app.bytewise.ui.lesson;

import app.bytewise.lesson.Lesson;
import app.bytewise.lesson.LessonLibrary;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The lessons in teaching order. */
@Route("lessons")
@PageTitle("Lessons | Bytewise")
@AnonymousAllowed
public class LessonsView extends VerticalLayout {

    public LessonsView(LessonLibrary lessons) {
        addClassName("bw-page");
        add(new H1("Lessons"), new Paragraph("Thirteen lessons on the memory math of large language models. Every "
                + "number in them is computed by the estimator, and each ends with a drill on its topic."));
        Div list = new Div();
        list.addClassName("bw-cards");
        for (Lesson lesson : lessons.all()) {
            RouterLink link = new RouterLink();
            link.setRoute(LessonView.class, new com.vaadin.flow.router.RouteParameters("slug", lesson.slug()));
            Span number = new Span(String.format("%02d", lesson.order()));
            number.addClassName("bw-lesson-number");
            // The card says what the lesson answers; its title already names the topic.
            link.add(number, new H2(lesson.title()), new Paragraph(lesson.summary()));
            Div card = new Div(link);
            card.addClassName("bw-card");
            list.add(card);
        }
        add(list);
    }
}
