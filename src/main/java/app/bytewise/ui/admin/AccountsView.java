package app.bytewise.ui.admin;

import app.bytewise.security.AccountRoles;
import app.bytewise.security.AccountSummary;
import app.bytewise.security.InstructorInvites;
import app.bytewise.security.InvalidFieldException;
import app.bytewise.security.InviteSummary;
import app.bytewise.security.IssuedInvite;
import app.bytewise.security.Role;
import app.bytewise.ui.CurrentUser;
import app.bytewise.ui.ReadableColumns;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The administrator's page: instructor invite codes to hand to teachers, and accounts to make
 * instructors or candidates. Every action is checked again by the services against the database.
 */
@Route("accounts")
@PageTitle("Accounts | Bytewise")
@RolesAllowed(Role.ADMINISTRATOR_NAME)
public class AccountsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final AccountRoles roles;
    private final InstructorInvites invites;
    private final Clock clock;
    private final String administrator;
    private final Div issued = new Div();
    private final Grid<InviteSummary> inviteGrid = new Grid<>();
    private final TextField search = new TextField("Username contains");
    private final Grid<AccountSummary> accountGrid = new Grid<>();
    private final Paragraph accountMessage = new Paragraph();

    public AccountsView(CurrentUser user, AccountRoles roles, InstructorInvites invites, Clock clock) {
        this.roles = roles;
        this.invites = invites;
        this.clock = clock;
        this.administrator = user.require().getUsername();
        addClassName("bw-page");

        Button issue = new Button("Issue an invite code", click -> issue());
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        issued.addClassName("bw-invite-issued");
        ReadableColumns.addColumn(inviteGrid, invite -> WHEN.format(invite.issuedAt())).setHeader("Issued").setAutoWidth(true);
        ReadableColumns.addColumn(inviteGrid, invite -> WHEN.format(invite.expiresAt())).setHeader("Expires").setAutoWidth(true);
        ReadableColumns.addColumn(inviteGrid, invite -> invite.status(clock.instant())).setHeader("Status").setAutoWidth(true);
        inviteGrid.setAllRowsVisible(true);
        inviteGrid.addClassName("bw-invites");

        search.setMaxLength(32);
        search.setClearButtonVisible(true);
        Button find = new Button("Find", click -> refreshAccounts());
        find.addClickShortcut(Key.ENTER);
        HorizontalLayout searchRow = new HorizontalLayout(search, find);
        searchRow.setAlignItems(Alignment.BASELINE);
        ReadableColumns.addColumn(accountGrid, AccountSummary::username).setHeader("Username").setAutoWidth(true).setFrozen(true);
        ReadableColumns.addColumn(accountGrid, AccountSummary::displayName).setHeader("Display name").setAutoWidth(true);
        ReadableColumns.addColumn(accountGrid, account -> account.role().label()).setHeader("Role").setAutoWidth(true);
        ReadableColumns.addColumn(accountGrid, account -> WHEN.format(account.createdAt())).setHeader("Created").setAutoWidth(true);
        accountGrid.addComponentColumn(this::roleButton).setKey("change").setHeader("Change").setAutoWidth(true);
        accountGrid.setAllRowsVisible(true);
        accountGrid.addClassName("bw-accounts");

        add(new H1("Accounts"),
                new H2("Instructor invite codes"),
                new Paragraph("Give a teacher a code: entered at sign-up, it makes an instructor account. Each code "
                        + "works once, for " + InstructorInvites.VALIDITY.toDays() + " days, and is shown only here, "
                        + "when it is issued."),
                issue, issued, inviteGrid,
                new H2("Roles"),
                new Paragraph("Make an existing account an instructor, or an instructor a candidate again. The change "
                        + "applies from the account's next sign-in. Administrators are set by the operator. At most "
                        + AccountRoles.MAX_LISTED + " accounts are listed; narrow the search to find others."),
                searchRow, accountMessage, accountGrid);
        refreshInvites();
        refreshAccounts();
    }

    private void issue() {
        issued.removeAll();
        try {
            IssuedInvite invite = invites.issue(administrator);
            Span code = new Span(invite.code());
            code.addClassName("bw-invite-code");
            issued.add(new Paragraph("New code: "), code, new Paragraph("Valid until " + WHEN.format(invite.expiresAt())
                    + ". Copy it now: it is not shown again."));
        } catch (InvalidFieldException refused) {
            issued.add(new Paragraph(refused.getMessage()));
        }
        refreshInvites();
    }

    private Button roleButton(AccountSummary account) {
        Role target = account.role() == Role.CANDIDATE ? Role.INSTRUCTOR : Role.CANDIDATE;
        Button change = new Button("Make " + target.label().toLowerCase(), click -> {
            try {
                AccountSummary changed = roles.setRole(administrator, account.username(), target);
                accountMessage.setText(changed.username() + " is now " + article(changed.role()) + ".");
            } catch (InvalidFieldException refused) {
                accountMessage.setText(refused.getMessage());
            }
            refreshAccounts();
        });
        change.addThemeVariants(ButtonVariant.LUMO_SMALL);
        change.setVisible(account.role() != Role.ADMINISTRATOR);
        return change;
    }

    private static String article(Role role) {
        return (role == Role.INSTRUCTOR ? "an " : "a ") + role.label().toLowerCase();
    }

    private void refreshInvites() {
        ReadableColumns.setItems(inviteGrid, invites.recent(administrator));
    }

    private void refreshAccounts() {
        search.setInvalid(false);
        try {
            ReadableColumns.setItems(accountGrid, roles.search(administrator, search.getValue()));
        } catch (InvalidFieldException refused) {
            search.setErrorMessage(refused.getMessage());
            search.setInvalid(true);
        }
    }
}
