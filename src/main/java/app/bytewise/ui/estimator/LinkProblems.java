package app.bytewise.ui.estimator;

import app.bytewise.engine.catalog.CatalogModel;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What a shared link asked for that the estimator does not know, with the closest catalog models to pick. */
final class LinkProblems extends Div {

    private final Consumer<CatalogModel> pick;

    LinkProblems(Consumer<CatalogModel> pick) {
        this.pick = pick;
        addClassName("bw-link-problems");
        getElement().setAttribute("role", "alert");
        setVisible(false);
    }

    void show(Optional<List<CatalogModel>> suggestions, String unknownModel, List<String> problems) {
        removeAll();
        suggestions.ifPresent(similar -> {
            add(new Paragraph("This link names the model '" + unknownModel + "', which is not in the catalog, so no "
                    + "estimate is shown. " + (similar.isEmpty() ? "Choose a model below."
                    : "Did you mean one of these?")));
            if (!similar.isEmpty()) {
                Div choices = new Div();
                choices.addClassName("bw-link-suggestions");
                similar.forEach(m -> {
                    Button use = new Button(m.name() + " (" + m.id() + ")", click -> pick.accept(m));
                    use.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    choices.add(use);
                });
                add(choices);
            }
        });
        problems.forEach(problem -> add(new Paragraph(problem)));
        setVisible(getComponentCount() > 0);
    }

    void clear() {
        removeAll();
        setVisible(false);
    }
}
