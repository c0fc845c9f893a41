package app.bytewise.ui.admin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.security.AccountService;
import app.bytewise.security.AccountSummary;
import app.bytewise.security.Role;
import app.bytewise.security.UserAccountRepository;
import app.bytewise.ui.KaribuTestBase;
import app.bytewise.ui.SignUpView;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** The administrator's way of making instructors: an invite code that sign-up accepts, and promotion. */
class AccountsViewTest extends KaribuTestBase {

    @Autowired
    private UserAccountRepository accounts;
    @Autowired
    private AccountService accountService;

    @Test
    void anInviteCodeIssuedOnTheAccountsPageMakesTheNewAccountAnInstructorOnce() {
        openSignedIn("admin", "admin-demo");
        UI.getCurrent().navigate(AccountsView.class);
        _click(_get(Button.class, spec -> spec.withText("Issue an invite code")));
        String code = _get(Span.class, spec -> spec.withClasses("bw-invite-code")).getText();
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        @SuppressWarnings("unchecked")
        Grid<Object> invites = _get(Grid.class, spec -> spec.withClasses("bw-invites"));
        assertThat(_size(invites)).isPositive();
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();

        String teacher = signUp("grace.teacher", code);
        assertThat(accounts.findByUsername(teacher).orElseThrow().getRole()).isEqualTo(Role.INSTRUCTOR);
        MockVaadin.tearDown();

        // Used once: the same code a second time is refused on its field and creates nobody.
        long before = accounts.count();
        openAnonymously();
        UI.getCurrent().navigate(SignUpView.class);
        fill("second.teacher", code);
        _click(_get(Button.class, spec -> spec.withText("Create account")));
        TextField inviteField = _get(TextField.class, spec -> spec.withLabel("Instructor invite code (optional)"));
        assertThat(inviteField.isInvalid()).isTrue();
        assertThat(inviteField.getErrorMessage()).containsIgnoringCase("invite");
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void theAdministratorPromotesACandidateAndTheButtonThenOffersTheWayBack() {
        String learner = accountService.registerCandidate("promoted.learner", "", "correct-horse-battery").getUsername();
        openSignedIn("admin", "admin-demo");
        UI.getCurrent().navigate(AccountsView.class);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Username contains")), "promoted.learner");
        _click(_get(Button.class, spec -> spec.withText("Find")));
        @SuppressWarnings("unchecked")
        Grid<AccountSummary> found = _get(Grid.class, spec -> spec.withClasses("bw-accounts"));
        int row = java.util.stream.IntStream.range(0, _size(found))
                .filter(i -> _get(found, i).username().equals(learner)).findFirst().orElseThrow();
        Button make = (Button) _getCellComponent(found, row, "change");
        assertThat(make.getText()).isEqualTo("Make instructor");
        _click(make);
        assertThat(accounts.findByUsername(learner).orElseThrow().getRole()).isEqualTo(Role.INSTRUCTOR);
        Button back = (Button) _getCellComponent(found, row, "change");
        assertThat(back.getText()).isEqualTo("Make candidate");
        _click(back);
        assertThat(accounts.findByUsername(learner).orElseThrow().getRole()).isEqualTo(Role.CANDIDATE);

        // An administrator's row offers no change.
        _setValue(_get(TextField.class, spec -> spec.withLabel("Username contains")), "admin");
        _click(_get(Button.class, spec -> spec.withText("Find")));
        assertThat(_getCellComponent(found, 0, "change").isVisible()).isFalse();
    }

    private String signUp(String username, String code) {
        openAnonymously();
        UI.getCurrent().navigate(SignUpView.class);
        fill(username, code);
        _click(_get(Button.class, spec -> spec.withText("Create account")));
        return _get(Span.class, spec -> spec.withClasses("bw-sign-in-name")).getText();
    }

    private static void fill(String username, String code) {
        _setValue(_get(TextField.class, spec -> spec.withLabel("Username")), username);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Password")), "correct-horse-battery");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Repeat password")), "correct-horse-battery");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Instructor invite code (optional)")), code);
    }
}
