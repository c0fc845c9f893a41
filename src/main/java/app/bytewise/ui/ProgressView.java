package app.bytewise.ui;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

@Route("progress")
@PageTitle("Progress | Bytewise")
@PermitAll
public class ProgressView extends PlaceholderPage {

    public ProgressView() {
        super("Progress", "Your mastery per topic, accuracy over time and the questions due for review.");
    }
}
