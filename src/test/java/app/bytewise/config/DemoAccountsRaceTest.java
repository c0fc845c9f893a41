package app.bytewise.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import app.bytewise.security.AccountService;
import app.bytewise.security.Role;
import app.bytewise.security.SignUpException;
import app.bytewise.security.UserAccount;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

/** Nodes starting together on one database: losing the race to create a demo account is no error. */
class DemoAccountsRaceTest {

    private static final SignUpException TAKEN = new SignUpException("username", "This username is taken.");

    @Test
    void anotherNodeCreatingTheAccountFirstIsAccepted() {
        AccountService accounts = mock(AccountService.class);
        // Empty when checked, taken when inserted (the other node committed in between), present afterwards.
        when(accounts.find(anyString())).thenReturn(Optional.empty(), Optional.of(account()));
        when(accounts.createDemoAccount(anyString(), anyString(), anyString(), any(Role.class))).thenThrow(TAKEN);

        assertThatCode(() -> new DemoAccounts(accounts).run(new DefaultApplicationArguments()))
                .doesNotThrowAnyException();
    }

    @Test
    void aRefusalWithNoAccountBehindItStillStopsTheStart() {
        AccountService accounts = mock(AccountService.class);
        when(accounts.find(anyString())).thenReturn(Optional.empty());
        when(accounts.createDemoAccount(eq(DemoAccounts.CANDIDATE), anyString(), anyString(), any(Role.class)))
                .thenThrow(TAKEN);

        assertThatThrownBy(() -> new DemoAccounts(accounts).run(new DefaultApplicationArguments())).isSameAs(TAKEN);
    }

    private static UserAccount account() {
        return new UserAccount("candidate", "Demo Candidate", "$2a$10$hash", Role.CANDIDATE, Instant.EPOCH);
    }
}
