package app.bytewise.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Any unexpected failure: logged in full on the server, shown to the user as a short apology with a reference. */
@AnonymousAllowed
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    private final Paragraph reference = new Paragraph();

    public ErrorView() {
        addClassName("bw-page");
        add(new H1("Something went wrong"),
                new Paragraph("The page could not be shown. Nothing you entered was saved half-way."),
                reference, new RouterLink("Back to the start", HomeView.class));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String id = Long.toHexString(System.nanoTime());
        log.error("Unhandled error {} on /{}", id, event.getLocation().getPath(), parameter.getException());
        reference.setText("Reference: " + id);
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
