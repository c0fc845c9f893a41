package app.bytewise.ui;

import org.springframework.beans.factory.annotation.Value;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Form sign-in; Spring Security processes the POST to {@code /login} and redirects back with {@code ?error} on failure. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in | Bytewise")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    public LoginView(@Value("${bytewise.demo.enabled:false}") boolean demoAccounts) {
        addClassName("bw-auth");
        setAlignItems(Alignment.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());
        add(new Anchor("", "Bytewise"), form,
                new Paragraph(new com.vaadin.flow.component.Text("New here? "), new Anchor("signup", "Create an account")));
        if (demoAccounts) {
            Paragraph hint = new Paragraph("Demo accounts: candidate / candidate-demo, instructor / instructor-demo, "
                    + "admin / admin-demo.");
            hint.addClassName("bw-demo-hint");
            add(hint);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }

    LoginForm form() {
        return form;
    }

    private static LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Username");
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle("Incorrect username or password");
        i18n.getErrorMessage().setMessage("Check the username and password and try again.");
        return i18n;
    }
}
