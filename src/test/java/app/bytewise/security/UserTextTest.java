package app.bytewise.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "a\u0000b", "\u0001", "tab\there", "line\nbreak", "cr\r", "\u001f", "\u007f", "\u0085"})
    void controlCharactersAreRefusedWithTheirCodePoint(String text) {
        assertThat(UserText.problem(text)).hasValueSatisfying(message -> assertThat(message)
                .startsWith("Control characters are not allowed here")
                .contains(String.format("U+%04X", (int) text.chars().filter(Character::isISOControl).findFirst()
                        .orElseThrow())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "14 GB", "Ada Lovelace", "Zoë – “quoted” · 7×10⁹", "数学", "emoji 🙂", " spaced "})
    void printableTextOfAnyScriptPasses(String text) {
        assertThat(UserText.problem(text)).isEmpty();
    }

    @Test
    void requireNamesTheField() {
        assertThat(UserText.require("answer", "14 GB")).isEqualTo("14 GB");
        assertThat(UserText.require("answer", null)).isNull();
        assertThatThrownBy(() -> UserText.require("answer", "1\u00004"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("answer"))
                .hasMessage("Control characters are not allowed here (found U+0000).");
    }
}
