package app.bytewise.ui.estimator;

import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.catalog.ModelCatalog;
import com.vaadin.flow.component.combobox.ComboBox;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The model meant by text typed into the model box and confirmed with Enter without picking from
 * the list: the first entry of the list the box shows for that text (its filter keeps labels that
 * contain the text, ignoring case), else the first whose name or id holds the same letters and
 * digits ("llama 3.1 8b" finds "Llama-3.1-8B"). Nothing matched is the caller's to report.
 */
final class TypedModel {

    private TypedModel() {
    }

    /**
     * Enter on typed text in the box picks the model the list shows first for it, as a search box
     * would; text matching none is named with the closest catalog models, and the model stays.
     */
    static void pickOnEnter(ComboBox<CatalogModel> box, ModelCatalog models) {
        box.setAllowCustomValue(true);
        box.addCustomValueSetListener(e -> pick(e.getDetail(), box.getListDataView().getItems().toList(),
                box.getItemLabelGenerator()).ifPresentOrElse(box::setValue, () -> {
                    box.setErrorMessage("No catalog model matches '" + e.getDetail() + "'. Closest: "
                            + models.similar(e.getDetail(), 3).stream().map(CatalogModel::name)
                            .collect(Collectors.joining(", ")) + ".");
                    box.setInvalid(true);
                }));
    }

    static Optional<CatalogModel> pick(String typed, List<CatalogModel> items, Function<CatalogModel, String> label) {
        String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<CatalogModel> listed = items.stream()
                .filter(m -> label.apply(m).toLowerCase(Locale.ROOT).contains(text)).findFirst();
        if (listed.isPresent()) {
            return listed;
        }
        String key = letters(text);
        return key.isEmpty() ? Optional.empty() : items.stream()
                .filter(m -> letters(m.name()).contains(key) || letters(m.id()).contains(key)).findFirst();
    }

    private static String letters(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
