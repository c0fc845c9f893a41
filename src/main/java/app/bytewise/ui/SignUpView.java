package app.bytewise.ui;

import app.bytewise.security.AccountService;
import app.bytewise.security.PasswordPolicy;
import app.bytewise.security.RateDecision;
import app.bytewise.security.SignInNames;
import app.bytewise.security.UserAccount;
import app.bytewise.security.SignUpThrottle;
import app.bytewise.security.SignUpException;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;

/** Creates a candidate account, or an instructor's with an invite code. Errors are shown on the field at fault; nothing is saved unless all is valid. */
@Route(value = "signup", autoLayout = false)
@PageTitle("Sign up | Bytewise")
@AnonymousAllowed
public class SignUpView extends VerticalLayout {

    private final TextField username = new TextField("Username");
    private final TextField displayName = new TextField("Display name (optional)");
    private final PasswordField password = new PasswordField("Password");
    private final PasswordField confirm = new PasswordField("Repeat password");
    private final TextField invite = new TextField("Instructor invite code (optional)");
    private final Button create = new Button("Create account");
    private final VerticalLayout form = new VerticalLayout();

    public SignUpView(AccountService accounts, SignUpThrottle throttle) {
        addClassName("bw-auth");
        setAlignItems(Alignment.CENTER);
        username.setRequired(true);
        username.setMaxLength(SignInNames.MAX_CHOSEN_LENGTH);
        username.setHelperText("3–" + SignInNames.MAX_CHOSEN_LENGTH
                + " letters, digits, '.', '_' or '-'; a four-digit tag is added to make it yours");
        password.setRequired(true);
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters, not containing the username; "
                + "a few unrelated words work well");
        confirm.setRequired(true);
        invite.setMaxLength(24);
        invite.setHelperText("From your administrator, for an instructor account; leave empty to practise as a candidate");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.addClickListener(click -> submit(accounts, throttle));

        form.add(new H1("Create an account"), username, displayName,
                password, confirm, invite, create,
                new Paragraph(new Text("Have an account? "), new Anchor("login", "Sign in")));
        form.addClassName("bw-form");
        add(new Anchor("", "Bytewise"), form);
    }

    private void submit(AccountService accounts, SignUpThrottle throttle) {
        List.of(username, displayName, password, confirm, invite).forEach(field -> field.setInvalid(false));
        if (!password.getValue().equals(confirm.getValue())) {
            showError(confirm, "The passwords do not match.");
            return;
        }
        RateDecision decision = throttle.tryAttempt(clientAddress());
        if (!decision.allowed()) {
            showError(username, "Too many sign-up attempts from your network. Try again in "
                    + Math.max(1, (decision.retryAfterSeconds() + 59) / 60) + " minute(s).");
            return;
        }
        try {
            showCreated(accounts.register(username.getValue(), displayName.getValue(), password.getValue(),
                    invite.getValue()));
        } catch (SignUpException refused) {
            showError(switch (refused.field()) {
                case "displayName" -> displayName;
                case "password" -> password;
                case "invite" -> invite;
                default -> username;
            }, refused.getMessage());
        }
    }

    /** The sign-in name is shown once, here, in place of the form: it is the one thing to remember. */
    private void showCreated(UserAccount account) {
        Span name = new Span(account.getUsername());
        name.addClassName("bw-sign-in-name");
        name.getStyle().set("font-weight", "600");
        Paragraph created = new Paragraph(new Text("Your " + account.getRole().label().toLowerCase()
                + " account's sign-in name is "), name, new Text("."));
        created.addClassName("bw-notice");
        form.removeAll();
        form.add(new H1("Your account is ready"), created,
                new Paragraph("The four digits keep every name unique. Note the whole name: you need it, "
                        + "with your password, to sign in."),
                new Anchor("login", "Sign in"));
    }

    private static String clientAddress() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getBrowser() == null ? null : session.getBrowser().getAddress();
    }

    private static void showError(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
