package app.bytewise.api;

import app.bytewise.security.AccountService;
import app.bytewise.security.UserAccount;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The account behind an API request, from the personal token or HTTP Basic credentials the security
 * chain checked.
 * Identity always comes from here, never from an id in the path or body.
 */
@Component
class ApiUser {

    private final AccountService accounts;

    ApiUser(AccountService accounts) {
        this.accounts = accounts;
    }

    /** The signed-in account, or empty for an anonymous caller. */
    Optional<UserAccount> of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return accounts.find(authentication.getName());
    }

    /** The signed-in account; a 401 problem otherwise (also when the account was deleted meanwhile). */
    UserAccount require(Authentication authentication) {
        return of(authentication).orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign-in required."));
    }
}
