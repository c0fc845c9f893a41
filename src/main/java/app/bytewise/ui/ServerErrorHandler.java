package app.bytewise.ui;

import app.bytewise.failure.DatabaseUnavailable;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the user sees when a UI action fails on the server: a message saying what failed, that
 * nothing was saved and to try again, instead of Vaadin's silence. The action's transaction rolled
 * back, and the view is left as it was, so whatever the user typed is still in the form. A database
 * outage is named as such (and logged without a stack trace); anything else is logged with a
 * reference the message repeats, so a report can be matched to the log.
 */
@Component
class ServerErrorHandler implements ErrorHandler, VaadinServiceInitListener {

    static final String UNAVAILABLE = "The database is unavailable for the moment, so nothing was saved. "
            + "What you entered is still here: please try again in a few seconds.";
    static final String UNEXPECTED = "Something went wrong on the server, so nothing was saved. "
            + "What you entered is still here: please try again. Reference: ";

    static final String BANNER = "bw-server-error";

    private static final Logger log = LoggerFactory.getLogger(ServerErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable failure = event.getThrowable();
        String message;
        if (DatabaseUnavailable.causes(failure)) {
            log.warn("Database unavailable during a UI action: {}", failure.toString());
            message = UNAVAILABLE;
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("UI action failed (reference {})", reference, failure);
            message = UNEXPECTED + reference + ".";
        }
        UI ui = event.getComponent().flatMap(c -> c.getUI()).orElseGet(UI::getCurrent);
        if (ui != null && ui == UI.getCurrent() && ui.getSession().hasLock()) {
            show(ui, message); // in the failed request itself: shown with its response
        } else if (ui != null) {
            ui.access(() -> show(ui, message));
        }
    }

    /**
     * A banner over the page (styles/bytewise.css), one at a time, until dismissed. Plain HTML and a
     * button, so the committed frontend bundles need no new web component.
     */
    static void show(UI ui, String message) {
        ui.getChildren().filter(c -> c.hasClassName(BANNER)).toList().forEach(ui::remove);
        Div banner = new Div();
        banner.addClassName(BANNER);
        banner.getElement().setAttribute("role", "alert");
        banner.add(new Span(message), new Button("Dismiss", e -> ui.remove(banner)));
        ui.add(banner);
    }
}
