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
        return authentication.getAuthenticatedUser(UserDetails.class)
                .flatMap(user -> accounts.find(user.getUsername()))
                .map(UserAccount::getId);
    }
}
