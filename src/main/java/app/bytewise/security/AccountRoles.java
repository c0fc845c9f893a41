package app.bytewise.security;

import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may change whose role. Only an administrator, as the database has it now (not as a session
 * remembers it), may make a candidate an instructor or an instructor a candidate; no one changes an
 * administrator here, their own role included, so an administrator cannot lock the operator out and
 * nobody can promote themselves. A changed role applies from the account's next sign-in.
 */
@Service
public class AccountRoles {

    /** Accounts one search shows; a search names what it looks for rather than paging through everyone. */
    public static final int MAX_LISTED = 50;
    private static final Set<Role> ASSIGNABLE = Set.of(Role.CANDIDATE, Role.INSTRUCTOR);

    private final UserAccountRepository accounts;

    public AccountRoles(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** Accounts whose username contains the text (all when blank), by username, at most {@link #MAX_LISTED}. */
    @Transactional(readOnly = true)
    public List<AccountSummary> search(String administrator, String text) {
        administrator(accounts, administrator);
        String needle = text == null ? "" : AccountService.normalize(text);
        if (needle.length() > 32 || UserText.problem(needle).isPresent()) {
            throw new InvalidFieldException("search", "Search by up to 32 characters of a username.");
        }
        var page = PageRequest.of(0, MAX_LISTED, Sort.by("username"));
        return accounts.findByUsernameContaining(needle, page).stream().map(AccountSummary::of).toList();
    }

    /** Sets a candidate's or instructor's role; throws AccessDeniedException unless the caller is an administrator. */
    @Transactional
    public AccountSummary setRole(String administrator, String username, Role role) {
        UserAccount admin = administrator(accounts, administrator);
        if (!ASSIGNABLE.contains(role)) {
            throw new InvalidFieldException("role", "An account can be made a candidate or an instructor here; "
                    + "administrators are set up by the operator.");
        }
        UserAccount target = accounts.findByUsername(AccountService.normalize(username))
                .orElseThrow(() -> new InvalidFieldException("username", "No account is named '" + username + "'."));
        if (target.getId().equals(admin.getId()) || target.getRole() == Role.ADMINISTRATOR) {
            throw new InvalidFieldException("username", "An administrator's role is set by the operator, not here.");
        }
        target.changeRole(role);
        return AccountSummary.of(accounts.saveAndFlush(target));
    }

    /** The named account if it is an administrator now; AccessDeniedException otherwise. */
    static UserAccount administrator(UserAccountRepository accounts, String username) {
        return accounts.findByUsername(AccountService.normalize(username))
                .filter(account -> account.getRole() == Role.ADMINISTRATOR)
                .orElseThrow(InstructorInvites::notAdministrator);
    }
}
