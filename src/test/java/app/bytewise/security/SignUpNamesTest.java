package app.bytewise.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Arrays;
import java.util.Iterator;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** Sign-up answers the same whether or not a name is in use: the chosen part gets a tag, and a used tag is drawn again. */
@SpringBootTest
@ActiveProfiles("test")
class SignUpNamesTest {

    @Autowired
    private UserAccountRepository repository;
    @Autowired
    private PasswordEncoder encoder;
    @Autowired
    private InstructorInvites invites;
    @Autowired
    private AccountService accounts;

    @Test
    void theSignInNameIsTheChosenNameLowerCasedWithAFourDigitTag() {
        UserAccount account = accounts.registerCandidate("  Ada.Lovelace ", "Ada", "analytical-engine-1843");
        assertThat(account.getUsername()).matches("ada\\.lovelace-\\d{4}");
        assertThat(account.getRole()).isEqualTo(Role.CANDIDATE);
        assertThat(encoder.matches("analytical-engine-1843", account.getPasswordHash())).isTrue();
    }

    @Test
    void aNameAnotherAccountHoldsExactlyIsNotReportedAndThatAccountIsUntouched() {
        UserAccount demo = repository.findByUsername("candidate").orElseThrow();
        UserAccount mine = accounts.registerCandidate("Candidate", null, "my-own-long-passphrase");
        assertThat(mine.getUsername()).matches("candidate-\\d{4}");
        assertThat(repository.findByUsername("candidate").orElseThrow().getPasswordHash()).isEqualTo(demo.getPasswordHash());
    }

    @Test
    void aTagAlreadyInUseIsDrawnAgainWithoutSayingSo() {
        String chosen = "tagged" + System.nanoTime() % 1_000_000;
        AccountService service = withTags(42, 42, 42, 7);
        assertThat(service.registerCandidate(chosen, null, "first-long-passphrase").getUsername()).isEqualTo(chosen + "-0042");
        assertThat(service.registerCandidate(chosen, null, "second-long-passphrase").getUsername()).isEqualTo(chosen + "-0007");
    }

    @Test
    void whenEveryDrawIsTakenTheAnswerIsNeutralAndNothingIsSaved() {
        String chosen = "crowded" + System.nanoTime() % 1_000_000;
        withTags(9).registerCandidate(chosen, null, "first-long-passphrase");
        long before = repository.count();
        int[] nines = new int[30];
        Arrays.fill(nines, 9);
        assertThatThrownBy(() -> withTags(nines).registerCandidate(chosen, null, "second-long-passphrase"))
                .isInstanceOfSatisfying(SignUpException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("username");
                    assertThat(refused.getMessage()).isEqualTo("Please try again in a moment, or with another name.")
                            .doesNotContainIgnoringCase("taken");
                });
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void theChosenPartLeavesRoomForTheTag() {
        String longest = "a".repeat(SignInNames.MAX_CHOSEN_LENGTH);
        assertThat(accounts.registerCandidate(longest, null, "long-enough-passphrase").getUsername()).hasSize(32);
        assertThatThrownBy(() -> accounts.registerCandidate(longest + "b", null, "long-enough-passphrase"))
                .isInstanceOfSatisfying(SignUpException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("username");
                    assertThat(refused.getMessage()).startsWith("3 to 27 characters");
                });
    }

    /** An account service whose tags come from this fixed sequence. */
    private AccountService withTags(int... tags) {
        Iterator<Integer> next = Arrays.stream(tags).iterator();
        RandomGenerator sequence = new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int nextInt(int bound) {
                return next.next();
            }
        };
        return new AccountService(repository, encoder, Clock.systemUTC(), new SignInNames(sequence), invites);
    }
}
