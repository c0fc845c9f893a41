package app.bytewise.ui.classroom;

import app.bytewise.classroom.ClassSummary;
import app.bytewise.classroom.ClassroomException;
import app.bytewise.classroom.ClassroomService;
import app.bytewise.security.UserAccount;
import app.bytewise.ui.PhoneCards;
import app.bytewise.ui.ReadableColumns;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;

/** The instructor's classes: create one (its join code is shown), list them, delete an unused one. */
class ClassesPanel extends VerticalLayout {

    private final ClassroomService classrooms;
    private final UserAccount instructor;
    private final Runnable changed;
    private final TextField name = new TextField("Class name");
    private final Paragraph message = new Paragraph();
    private final Grid<ClassSummary> grid = new Grid<>();

    private final PhoneCards<ClassSummary> cards = new PhoneCards<>(ClassSummary::name);

    ClassesPanel(ClassroomService classrooms, UserAccount instructor, Runnable changed) {
        this.classrooms = classrooms;
        this.instructor = instructor;
        this.changed = changed;
        setPadding(false);
        Button create = new Button("Create class", e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        message.addClassName("bw-class-message");
        ReadableColumns.addColumn(grid, ClassSummary::name).setHeader("Class").setFlexGrow(2);
        ReadableColumns.addColumn(grid, ClassSummary::joinCode).setHeader("Join code");
        ReadableColumns.addColumn(grid, ClassSummary::members).setHeader("Members");
        grid.addComponentColumn(c -> new Button("Delete", e -> delete(c))).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        cards.figure("Join code", ClassSummary::joinCode).figure("Members", c -> String.valueOf(c.members()))
                .action(c -> new Button("Delete", e -> delete(c)));
        add(new H2("Classes"), new FlexLayout(name, create), message, PhoneCards.alongside(grid, cards));
        refresh();
    }

    private void create() {
        try {
            ClassSummary c = classrooms.createClass(instructor, name.getValue());
            name.clear();
            name.setInvalid(false);
            message.setText("Created " + c.name() + ". Candidates join with the code " + c.joinCode() + ".");
            refresh();
            changed.run();
        } catch (ClassroomException refused) {
            name.setErrorMessage(refused.getMessage());
            name.setInvalid(true);
        }
    }

    private void delete(ClassSummary c) {
        try {
            classrooms.deleteClass(instructor, c.id());
            message.setText("Deleted " + c.name() + ".");
            refresh();
            changed.run();
        } catch (ClassroomException refused) {
            message.setText(refused.getMessage());
        }
    }

    void refresh() {
        List<ClassSummary> mine = classrooms.classesOf(instructor);
        ReadableColumns.setItems(grid, mine);
        cards.setItems(mine);
    }
}
