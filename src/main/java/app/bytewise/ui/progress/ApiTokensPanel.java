package app.bytewise.ui.progress;

import app.bytewise.security.ApiTokenService;
import app.bytewise.security.ApiTokenSummary;
import app.bytewise.security.InvalidFieldException;
import app.bytewise.security.NewApiToken;
import app.bytewise.security.UserAccount;
import app.bytewise.ui.ReadableColumns;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The signed-in account's personal API tokens: create one under a name (its secret is shown here
 * once), see when each was created and last used, revoke any at once.
 */
class ApiTokensPanel extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ApiTokenService tokens;
    private final UserAccount owner;
    private final TextField name = new TextField("Token name");
    private final Div created = new Div();
    private final Grid<ApiTokenSummary> grid = new Grid<>();

    ApiTokensPanel(ApiTokenService tokens, UserAccount owner) {
        this.tokens = tokens;
        this.owner = owner;
        addClassName("bw-api-tokens");
        name.setPlaceholder("e.g. laptop script");
        name.setMaxLength(60);
        Button create = new Button("Create token", click -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout form = new FlexLayout(name, create);
        form.setAlignItems(FlexLayout.Alignment.BASELINE);
        form.getStyle().set("gap", "var(--lumo-space-m)");

        grid.addClassName("bw-api-token-table");
        ReadableColumns.addColumn(grid, ApiTokenSummary::name).setHeader("Name").setFlexGrow(2);
        ReadableColumns.addColumn(grid, t -> WHEN.format(t.createdAt())).setHeader("Created");
        ReadableColumns.addColumn(grid, t -> t.lastUsedAt().map(WHEN::format).orElse("never")).setHeader("Last used");
        grid.addComponentColumn(t -> {
            Button revoke = new Button("Revoke", click -> revoke(t));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            return revoke;
        }).setKey("revoke").setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);

        add(new H2("Personal API tokens"), new Paragraph("For scripts and tools that use the REST API as you: "
                + "send a token as “Authorization: Bearer <token>”. Revoke a token you no longer use, or that may "
                + "have leaked; it stops working at once."), form, created, grid);
        refresh();
    }

    private void create() {
        created.removeAll();
        try {
            NewApiToken token = tokens.create(owner, name.getValue());
            name.clear();
            name.setInvalid(false);
            TextField secret = new TextField("Your new token “" + token.summary().name() + "”");
            secret.setValue(token.token());
            secret.setReadOnly(true);
            secret.setWidthFull();
            secret.addClassName("bw-new-token");
            Paragraph once = new Paragraph("Copy it now: it is shown only this once and is not stored.");
            once.addClassName("bw-notice");
            created.add(secret, once);
            refresh();
        } catch (InvalidFieldException refused) {
            name.setErrorMessage(refused.getMessage());
            name.setInvalid(true);
        }
    }

    private void revoke(ApiTokenSummary token) {
        tokens.revoke(owner, token.id());
        created.removeAll();
        refresh();
    }

    private void refresh() {
        ReadableColumns.setItems(grid, tokens.tokensOf(owner));
    }
}
