package app.bytewise.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads sign-in details from {@code user_account}. */
@Service
public class DatabaseUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;

    public DatabaseUserDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        // No account has a control character in its name, and PostgreSQL cannot even compare one (NUL):
        // unknown, as any other name, so the caller still spends its dummy bcrypt comparison.
        if (UserText.problem(username).isPresent()) {
            throw new UsernameNotFoundException("no such user");
        }
        UserAccount account = accounts.findByUsername(AccountService.normalize(username))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(account.getUsername())
                .password(account.getPasswordHash())
                .authorities(List.of(new SimpleGrantedAuthority(account.getRole().authority())))
                .build();
    }
}
