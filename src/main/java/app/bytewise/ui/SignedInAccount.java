package app.bytewise.ui;

import app.bytewise.security.AccountService;
import app.bytewise.security.UserAccount;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.security.core.userdetails.UserDetails;

/** The account of whoever is signed in, for services that check who is asking. */
final class SignedInAccount {

    private SignedInAccount() {
    }

    static UserAccount of(AuthenticationContext authentication, AccountService accounts) {
        return authentication.getAuthenticatedUser(UserDetails.class)
                .flatMap(user -> accounts.find(user.getUsername()))
                .orElseThrow(() -> new IllegalStateException("this page needs a signed-in user"));
    }
}
