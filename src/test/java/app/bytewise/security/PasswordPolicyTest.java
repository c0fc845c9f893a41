package app.bytewise.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    @ParameterizedTest(name = "{1} for {0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "ada | eleven-char | At least 12 characters.",
        "ada | ada-lovelace-rules | The password must not contain the username.",
        "ada | xxADAxxyyzz12 | The password must not contain the username.",
        "ada | Password1234 | This password is too common; choose a less predictable one.",
        "ada | correcthorsebatterystaple | This password is too common; choose a less predictable one.",
        "ada | aaaaaaaaaaaaaaa | This password is too common; choose a less predictable one.",
    })
    void refusesWithAMessageForThePasswordField(String username, String password, String message) {
        assertThat(policy.problem(username, password)).contains(message);
    }

    @ParameterizedTest
    @CsvSource({"ada, purple-otter-harbour", "grace, twelve-chars", "ada, ünïcödé-pässwörd"})
    void acceptsLongUncommonPasswords(String username, String password) {
        assertThat(policy.problem(username, password)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"72, true", "73, false"})
    void theLimitIs72Utf8BytesBecauseBcryptIgnoresTheRest(int bytes, boolean accepted) {
        String ascii = "purple-otter-harbour-".repeat(4).substring(0, bytes);
        assertThat(policy.problem("ada", ascii).isEmpty()).isEqualTo(accepted);
        // é and à take 2 bytes each in UTF-8: 36 characters are already 72 bytes.
        String accented = "éà".repeat(18) + "z".repeat(bytes - 72);
        assertThat(policy.problem("ada", accented).isEmpty()).isEqualTo(accepted);
        if (!accepted) {
            assertThat(policy.problem("ada", accented).orElseThrow()).startsWith("At most 72 bytes");
        }
    }
}
