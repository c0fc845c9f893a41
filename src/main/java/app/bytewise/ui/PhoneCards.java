package app.bytewise.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A grid's rows as cards for a phone, where a grid of five columns cannot be read: each card has
 * the row's name and the two or three figures that matter, and the row's action if it has one. The
 * grid and its cards sit in one box ({@link #alongside}); the style sheet shows the grid on wider
 * screens and the cards below 40em, so both always hold the same rows.
 */
public final class PhoneCards<T> extends Div {

    private record Figure<T>(String label, Function<T, String> value) {
    }

    private final Function<T, String> title;
    private final List<Figure<T>> figures = new ArrayList<>();
    private Function<T, Optional<Component>> action = row -> Optional.empty();

    public PhoneCards(Function<T, String> title) {
        this.title = title;
        addClassName("bw-phone-cards");
    }

    /** A labelled figure on every card; an empty value leaves the line out. */
    public PhoneCards<T> figure(String label, Function<T, String> value) {
        figures.add(new Figure<>(label, value));
        return this;
    }

    /** The row's action (a button), built afresh for the card. */
    public PhoneCards<T> action(Function<T, Component> action) {
        this.action = row -> Optional.ofNullable(action.apply(row));
        return this;
    }

    public void setItems(Collection<T> rows) {
        removeAll();
        for (T row : rows) {
            Div card = new Div();
            card.addClassName("bw-phone-card");
            Span name = new Span(title.apply(row));
            name.addClassName("bw-phone-card-title");
            DescriptionList list = new DescriptionList();
            for (Figure<T> f : figures) {
                String value = f.value().apply(row);
                if (value != null && !value.isBlank()) {
                    list.add(new DescriptionList.Term(f.label()), new DescriptionList.Description(value));
                }
            }
            card.add(name, list);
            action.apply(row).ifPresent(card::add);
            add(card);
        }
    }

    /** The grid for wide screens and the cards for a phone in one box. */
    public static Div alongside(Grid<?> grid, PhoneCards<?> cards) {
        Div box = new Div(grid, cards);
        box.addClassName("bw-grid-or-cards");
        return box;
    }
}
