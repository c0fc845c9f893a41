package app.bytewise.ui.estimator;

import app.bytewise.engine.catalog.CatalogModel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The model meant by text typed into the model box and confirmed with Enter without picking from
 * the list: the first entry of the list the box shows for that text (its filter keeps labels that
 * contain the text, ignoring case), else the first whose name or id holds the same letters and
 * digits ("llama 3.1 8b" finds "Llama-3.1-8B"). Nothing matched is the caller's to report.
 */
final class TypedModel {

    private TypedModel() {
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
