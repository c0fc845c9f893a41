package app.bytewise.ui;

import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

@Route("drill")
@PageTitle("Drill | Bytewise")
@AnonymousAllowed
public class DrillView extends PlaceholderPage {

    public DrillView() {
        super("Drill", "Randomized interview questions graded numerically, with a worked solution and the mistake you made.");
    }
}
