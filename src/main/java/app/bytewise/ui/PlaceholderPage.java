package app.bytewise.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** A page whose feature is still being built: its title and what it will offer. */
abstract class PlaceholderPage extends VerticalLayout {

    PlaceholderPage(String title, String summary) {
        addClassName("bw-page");
        add(new H1(title), new Paragraph(summary));
    }
}
