package app.bytewise.ui;

import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

@Route("lessons")
@PageTitle("Lessons | Bytewise")
@AnonymousAllowed
public class LessonsView extends PlaceholderPage {

    public LessonsView() {
        super("Lessons", "Lessons on precision formats, weight and KV-cache memory, training memory, quantization, ZeRO, parallelism and FlashAttention, each with live calculators.");
    }
}
