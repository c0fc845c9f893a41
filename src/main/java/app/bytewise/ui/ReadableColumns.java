package app.bytewise.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.function.ValueProvider;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Grid columns wide enough for the longest word in them, so wrapped text breaks between words and
 * never inside one ("transforme / rs"). A grid's columns default to 100 px, which holds about nine
 * letters; each text column here gets at least the width of its header's and its cells' longest
 * word (words of up to {@value #LONGEST_WORD} letters; longer tokens, such as identifiers, may
 * break), estimated in ch (see {@link #longestWord}) plus the cell's padding. Text columns are added through
 * {@link #addColumn}, which keeps each column's values at hand; component and auto-width columns
 * size themselves. At most {@value #SCANNED} rows are read per column, so the cost is bounded.
 */
public final class ReadableColumns {

    static final int LONGEST_WORD = 16;
    static final int SCANNED = 500;

    private ReadableColumns() {
    }

    /** Sets the rows and fits the columns to them. */
    public static <T> void setItems(Grid<T> grid, Collection<T> items) {
        grid.setItems(items);
        fit(grid, items);
    }

    /** A text column like {@link Grid#addColumn(ValueProvider, String...)}, remembered for {@link #fit}. */
    public static <T> Grid.Column<T> addColumn(Grid<T> grid, ValueProvider<T, ?> value) {
        Grid.Column<T> column = grid.addColumn(value);
        providers(grid).put(column, value);
        return column;
    }

    public static <T> void fit(Grid<T> grid, Collection<T> items) {
        providers(grid).forEach((column, value) -> {
            if (column.isAutoWidth()) {
                return;
            }
            int longest = Math.max(longestWord(column.getHeaderText()), items.stream().limit(SCANNED)
                    .mapToInt(item -> longestWord(String.valueOf(value.apply(item)))).max().orElse(0));
            // In rem, not ch: the width is set on every cell of the column, and a header cell's smaller
            // font would make its ch narrower than a body cell's, so headers and rows would drift apart.
            // A digit of the body font is about 0.62rem; the padding is var(--lumo-space-m) on each side.
            column.setWidth("max(100px, calc(" + longest + " * 0.62rem + 2 * var(--lumo-space-m)))");
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<Grid.Column<T>, ValueProvider<T, ?>> providers(Grid<T> grid) {
        String key = ReadableColumns.class.getName();
        Object kept = ComponentUtil.getData(grid, key);
        if (kept == null) {
            kept = new LinkedHashMap<Grid.Column<T>, ValueProvider<T, ?>>();
            ComponentUtil.setData(grid, key, kept);
        }
        return (Map<Grid.Column<T>, ValueProvider<T, ?>>) kept;
    }

    /**
     * The width of the longest word in ch, the width of a digit: a capital counts 1.3 ("EEM4A9PN"
     * needs about 9.5ch, not 8), anything else 1; only a word's first {@value #LONGEST_WORD} letters count.
     */
    static int longestWord(String text) {
        double longest = 0;
        double run = 0;
        int letters = 0;
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    run = 0;
                    letters = 0;
                } else if (letters++ < LONGEST_WORD) {
                    run += Character.isUpperCase(c) ? 1.3 : 1;
                    longest = Math.max(longest, run);
                }
            }
        }
        return (int) Math.ceil(longest - 1e-9);
    }
}
