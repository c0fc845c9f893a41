package app.bytewise.ui;

import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

@Route("lab")
@PageTitle("Lab | Bytewise")
@AnonymousAllowed
public class LabView extends PlaceholderPage {

    public LabView() {
        super("Lab", "Quantize real small tensors with FP16, INT8, NF4, GPTQ or GGUF k-quants and see the error.");
    }
}
