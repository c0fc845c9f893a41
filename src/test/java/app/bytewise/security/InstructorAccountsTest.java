package app.bytewise.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/** The ways to an instructor account: an administrator's promotion or invite code, and nobody else's. */
@SpringBootTest
@ActiveProfiles("test")
class InstructorAccountsTest {

    private static final String PASSWORD = "staple-orbit-lantern-9";

    @Autowired
    private AccountRoles roles;
    @Autowired
    private InstructorInvites invites;
    @Autowired
    private AccountService accounts;
    @Autowired
    private UserAccountRepository repository;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aCandidateCannotPromoteItselfOrIssueCodes() {
        assertThatThrownBy(() -> roles.setRole("candidate", "candidate", Role.INSTRUCTOR))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> roles.setRole("candidate", "candidate", Role.ADMINISTRATOR))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invites.issue("candidate")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> roles.search("candidate", "")).isInstanceOf(AccessDeniedException.class);
        assertThat(repository.findByUsername("candidate").orElseThrow().getRole()).isEqualTo(Role.CANDIDATE);
    }

    @Test
    void anInstructorCannotPromoteOthersEither() {
        UserAccount student = accounts.registerCandidate("hopeful", "", PASSWORD);
        assertThatThrownBy(() -> roles.setRole("instructor", student.getUsername(), Role.INSTRUCTOR))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(repository.findByUsername(student.getUsername()).orElseThrow().getRole()).isEqualTo(Role.CANDIDATE);
    }

    @Test
    void anAdministratorPromotesAndDemotesButNeverTouchesAnAdministrator() {
        UserAccount teacher = accounts.registerCandidate("teacher", "", PASSWORD);
        assertThat(roles.setRole("admin", teacher.getUsername(), Role.INSTRUCTOR).role()).isEqualTo(Role.INSTRUCTOR);
        assertThat(repository.findByUsername(teacher.getUsername()).orElseThrow().getRole()).isEqualTo(Role.INSTRUCTOR);
        assertThat(roles.setRole("admin", teacher.getUsername(), Role.CANDIDATE).role()).isEqualTo(Role.CANDIDATE);

        assertThatThrownBy(() -> roles.setRole("admin", teacher.getUsername(), Role.ADMINISTRATOR))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("operator");
        assertThatThrownBy(() -> roles.setRole("admin", "admin", Role.CANDIDATE))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("operator");
        assertThatThrownBy(() -> roles.setRole("admin", "nobody-here", Role.INSTRUCTOR))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("nobody-here");
        assertThat(repository.findByUsername("admin").orElseThrow().getRole()).isEqualTo(Role.ADMINISTRATOR);
    }

    @Test
    void searchIsBoundedAndByUsername() {
        assertThat(roles.search("admin", "instruct")).extracting(AccountSummary::username).contains("instructor");
        assertThat(roles.search("admin", "")).hasSizeLessThanOrEqualTo(AccountRoles.MAX_LISTED);
        assertThatThrownBy(() -> roles.search("admin", "x".repeat(33))).isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void anInviteCodeMakesExactlyOneInstructor() {
        IssuedInvite invite = invites.issue("admin");
        assertThat(invite.code()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");

        // Typed in lower case and without dashes, as people do.
        String typed = invite.code().toLowerCase().replace("-", "");
        UserAccount teacher = accounts.register("ms-lovelace", "Ada", PASSWORD, typed);
        assertThat(teacher.getRole()).isEqualTo(Role.INSTRUCTOR);
        assertThat(invites.recent("admin")).anySatisfy(summary ->
                assertThat(summary.usedBy()).contains(teacher.getUsername()));

        long before = repository.count();
        assertThatThrownBy(() -> accounts.register("mr-babbage", "", PASSWORD, invite.code()))
                .isInstanceOf(SignUpException.class)
                .satisfies(e -> assertThat(((SignUpException) e).field()).isEqualTo("invite"));
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void aWrongOrExpiredCodeLeavesNoAccount() {
        long before = repository.count();
        assertThatThrownBy(() -> accounts.register("guesser", "", PASSWORD, "AAAA-BBBB-CCCC-DDDD"))
                .isInstanceOf(SignUpException.class).hasMessageContaining("not valid");
        assertThatThrownBy(() -> accounts.register("guesser", "", PASSWORD, "short"))
                .isInstanceOf(SignUpException.class).hasMessageContaining("16 letters");

        IssuedInvite invite = invites.issue("admin");
        jdbc.update("UPDATE instructor_invite SET expires_at = issued_at WHERE used_at IS NULL");
        assertThatThrownBy(() -> accounts.register("latecomer", "", PASSWORD, invite.code()))
                .isInstanceOf(SignUpException.class).hasMessageContaining("not valid");
        assertThat(repository.count()).isEqualTo(before);
        assertThat(invites.recent("admin")).anySatisfy(summary ->
                assertThat(summary.status(java.time.Instant.now())).isEqualTo("Expired"));
    }
}
