package app.bytewise.config;

import app.bytewise.security.AccountService;
import app.bytewise.security.Role;
import app.bytewise.security.SignUpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the demo candidate, instructor and administrator on first start, unless {@code bytewise.demo.enabled}
 * is false (as any production deployment should set). Existing accounts are left untouched, and
 * another node creating them at the same moment is no error.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "bytewise.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    static final String CANDIDATE = "candidate";
    static final String CANDIDATE_PASSWORD = "candidate-demo";
    static final String INSTRUCTOR = "instructor";
    static final String INSTRUCTOR_PASSWORD = "instructor-demo";
    static final String ADMINISTRATOR = "admin";
    static final String ADMINISTRATOR_PASSWORD = "admin-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final AccountService accounts;

    DemoAccounts(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure(CANDIDATE, "Demo Candidate", CANDIDATE_PASSWORD, Role.CANDIDATE);
        ensure(INSTRUCTOR, "Demo Instructor", INSTRUCTOR_PASSWORD, Role.INSTRUCTOR);
        ensure(ADMINISTRATOR, "Demo Administrator", ADMINISTRATOR_PASSWORD, Role.ADMINISTRATOR);
    }

    private void ensure(String username, String displayName, String password, Role role) {
        if (accounts.find(username).isPresent()) {
            return;
        }
        try {
            accounts.createDemoAccount(username, displayName, password, role);
            log.info("Created demo account '{}' ({})", username, role);
        } catch (SignUpException taken) {
            // Several nodes starting at once on one database all see no account and all insert; the
            // unique username lets one win. Losing that race is fine, anything else is not.
            if (accounts.find(username).isEmpty()) {
                throw taken;
            }
            log.info("Demo account '{}' was created by another node", username);
        }
    }
}
