package app.bytewise.ui;

import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

@Route("estimator")
@PageTitle("Estimator | Bytewise")
@AnonymousAllowed
public class EstimatorView extends PlaceholderPage {

    public EstimatorView() {
        super("Estimator", "Estimate the GPU memory a model needs to run or to train, step by step, from its real architecture.");
    }
}
