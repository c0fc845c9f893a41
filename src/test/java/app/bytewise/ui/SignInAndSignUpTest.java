package app.bytewise.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NavigatorKt.expectView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.security.AccountService;
import app.bytewise.security.Role;
import app.bytewise.security.SignUpThrottle;
import app.bytewise.security.UserAccountRepository;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;

class SignInAndSignUpTest extends KaribuTestBase {

    @Autowired
    private UserAccountRepository accounts;
    @Autowired
    private AccountService accountService;

    @Test
    void wrongPasswordIsRejectedAndTheSignInFormShowsAnError() {
        assertThatThrownBy(() -> authenticate("candidate", "not-the-password"))
                .isInstanceOf(BadCredentialsException.class);

        // Spring Security answers a failed POST with a redirect to login?error.
        openAnonymously();
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        expectView(LoginView.class);
        assertThat(_get(LoginForm.class).isError()).isTrue();

        UI.getCurrent().navigate("login");
        assertThat(_get(LoginForm.class).isError()).isFalse();
    }

    @Test
    void signUpCreatesACandidateWhoCanSignInWithTheTaggedNameItShows() {
        openAnonymously();
        UI.getCurrent().navigate(SignUpView.class);
        fill("Ada.Lovelace", "correct-horse-battery", "correct-horse-battery");
        _click(_get(Button.class, spec -> spec.withText("Create account")));

        String signInName = _get(Span.class, spec -> spec.withClasses("bw-sign-in-name")).getText();
        assertThat(signInName).matches("ada\\.lovelace-\\d{4}");
        assertThat(_find(TextField.class)).isEmpty(); // the form gave way to the confirmation
        var saved = accounts.findByUsername(signInName).orElseThrow();
        assertThat(saved.getRole()).isEqualTo(Role.CANDIDATE);
        assertThat(saved.getPasswordHash()).startsWith("$2").doesNotContain("correct-horse");
        assertThat(authenticate(signInName.toUpperCase(java.util.Locale.ROOT), "correct-horse-battery").isAuthenticated()).isTrue();
        assertThat(_get(Anchor.class, spec -> spec.withText("Sign in")).getHref()).isEqualTo("login");
    }

    @Test
    void signingUpWithAnExistingAccountsNameLooksLikeAnyOtherSignUp() {
        String demoHash = accounts.findByUsername("candidate").orElseThrow().getPasswordHash();
        openAnonymously();
        UI.getCurrent().navigate(SignUpView.class);
        fill("Candidate", "another-password-1", "another-password-1");
        _click(_get(Button.class, spec -> spec.withText("Create account")));

        assertThat(_get(Span.class, spec -> spec.withClasses("bw-sign-in-name")).getText()).matches("candidate-\\d{4}");
        assertThat(accounts.findByUsername("candidate").orElseThrow().getPasswordHash()).isEqualTo(demoHash);
    }

    @Test
    void signUpShowsFieldErrorsForAShortOrMismatchedPassword() {
        openAnonymously();
        UI.getCurrent().navigate(SignUpView.class);
        fill("grace", "short", "short");
        _click(_get(Button.class, spec -> spec.withText("Create account")));
        PasswordField password = _get(PasswordField.class, spec -> spec.withLabel("Password"));
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("At least 12 characters.");

        fill("grace", "grace-hopper-cobol", "grace-hopper-cobol");
        _click(_get(Button.class, spec -> spec.withText("Create account")));
        assertThat(password.getErrorMessage()).isEqualTo("The password must not contain the username.");

        fill("grace", "Password1234", "Password1234");
        _click(_get(Button.class, spec -> spec.withText("Create account")));
        assertThat(password.getErrorMessage()).contains("too common");

        fill("grace", "long-enough-pass", "long-enough-typo");
        _click(_get(Button.class, spec -> spec.withText("Create account")));
        assertThat(_get(PasswordField.class, spec -> spec.withLabel("Repeat password")).isInvalid()).isTrue();
        assertThat(accounts.findByUsername("grace")).isEmpty();
    }

    @Test
    void signUpRefusesControlCharactersOnTheFieldAtFaultAndStoresNothing() {
        long before = accounts.count();
        openAnonymously();
        UI.getCurrent().navigate(SignUpView.class);
        TextField username = _get(TextField.class, spec -> spec.withLabel("Username"));
        TextField displayName = _get(TextField.class, spec -> spec.withLabel("Display name (optional)"));
        PasswordField password = _get(PasswordField.class, spec -> spec.withLabel("Password"));

        fill("nul\u0000name", "correct-horse-battery", "correct-horse-battery");
        _click(_get(Button.class, spec -> spec.withText("Create account")));
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("Control characters are not allowed here (found U+0000).");

        fill("nulname", "correct-horse-battery", "correct-horse-battery");
        _setValue(displayName, "Ada\u0000Lovelace");
        _click(_get(Button.class, spec -> spec.withText("Create account")));
        assertThat(displayName.isInvalid()).isTrue();
        assertThat(displayName.getErrorMessage()).isEqualTo("Control characters are not allowed here (found U+0000).");

        _setValue(displayName, "Ada");
        fill("nulname", "correct-horse\u0000battery", "correct-horse\u0000battery");
        _click(_get(Button.class, spec -> spec.withText("Create account")));
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("Control characters are not allowed here (found U+0000).");
        assertThat(_find(Span.class, spec -> spec.withClasses("bw-sign-in-name"))).isEmpty();
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void signUpAttemptsFromOneAddressAreRateLimited() {
        openAnonymously();
        SignUpView view = new SignUpView(accountService, new SignUpThrottle(2, Duration.ofMinutes(10), Clock.systemUTC()));
        UI.getCurrent().add(view);
        for (int i = 0; i < 2; i++) {
            fill(view, "fresh-name", "short", "short"); // refused by the password rules, but counted
            _click(_get(view, Button.class, spec -> spec.withText("Create account")));
            assertThat(_get(view, PasswordField.class, spec -> spec.withLabel("Password")).isInvalid()).isTrue();
        }
        fill(view, "fresh-name-" + System.nanoTime() % 100_000, "another-password-1", "another-password-1");
        _click(_get(view, Button.class, spec -> spec.withText("Create account")));
        TextField username = _get(view, TextField.class, spec -> spec.withLabel("Username"));
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("Too many sign-up attempts from your network. Try again in 5 minute(s).");
    }

    private static void fill(SignUpView view, String username, String password, String confirm) {
        _setValue(_get(view, TextField.class, spec -> spec.withLabel("Username")), username);
        _setValue(_get(view, PasswordField.class, spec -> spec.withLabel("Password")), password);
        _setValue(_get(view, PasswordField.class, spec -> spec.withLabel("Repeat password")), confirm);
    }

    private static void fill(String username, String password, String confirm) {
        _setValue(_get(TextField.class, spec -> spec.withLabel("Username")), username);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Password")), password);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Repeat password")), confirm);
    }
}
