package app.bytewise.ui;

import app.bytewise.security.AccountService;
import app.bytewise.security.UserAccount;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * The signed-in user's account id, read from the security context on each call. Views pass only
 * this id to the services, so nobody can act on another user's data through the UI.
 */
@Component
public class CurrentUser {

    private final AuthenticationContext authentication;
    private final AccountService accounts;

    CurrentUser(AuthenticationContext authentication, AccountService accounts) {
        this.authentication = authentication;
        this.accounts = accounts;
    }

    public Optional<Long> id() {
        return account().map(UserAccount::getId);
    }

    public Optional<UserAccount> account() {
        return authentication.getAuthenticatedUser(UserDetails.class).flatMap(user -> accounts.find(user.getUsername()));
    }

    /** For pages that only signed-in users can open: the account, or an error if there is none. */
    public UserAccount require() {
        return account().orElseThrow(() -> new IllegalStateException("this page needs a signed-in user"));
    }
}
