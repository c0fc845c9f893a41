package app.bytewise.config;

import app.bytewise.security.AccountService;
import app.bytewise.security.Role;
import app.bytewise.security.SignUpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The operator's administrator: with {@code bytewise.admin.username} and {@code bytewise.admin.password}
 * set (for instance as {@code BYTEWISE_ADMIN_USERNAME} and {@code BYTEWISE_ADMIN_PASSWORD}), the
 * account is created at start if no account has that name, under the full password policy. An
 * existing account is never changed: the password is only read the first time, and a name already
 * taken by a candidate does not make that candidate an administrator.
 */
@Component
@Order(0)
class OperatorAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperatorAdministrator.class);

    private final AccountService accounts;
    private final String username;
    private final String password;

    OperatorAdministrator(AccountService accounts, @Value("${bytewise.admin.username:}") String username,
            @Value("${bytewise.admin.password:}") String password) {
        this.accounts = accounts;
        this.username = username.strip();
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isEmpty()) {
            return;
        }
        accounts.find(username).ifPresentOrElse(existing -> {
            if (existing.getRole() != Role.ADMINISTRATOR) {
                log.warn("bytewise.admin.username '{}' belongs to a {} account; it is left as it is and no "
                        + "administrator was created", username, existing.getRole().label().toLowerCase());
            }
        }, () -> {
            try {
                accounts.create(username, "Administrator", password, Role.ADMINISTRATOR);
                log.info("Created administrator account '{}'", username);
            } catch (SignUpException refused) {
                if (accounts.find(username).isEmpty()) {
                    // A weak or missing password stops the start: an operator asked for this account.
                    throw new IllegalStateException("bytewise.admin." + refused.field() + ": " + refused.getMessage(), refused);
                }
                log.info("Administrator account '{}' was created by another node", username);
            }
        });
    }
}
