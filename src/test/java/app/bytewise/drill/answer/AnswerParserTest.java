package app.bytewise.drill.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "14|14|",
        "14 GB|14000000000|GB",
        "13.04 GiB|14001593384.96|GiB",
        "1.4e10 bytes|14000000000|bytes",
        "14,000 MB|14000000000|MB",
        "14G|14000000000|GB",
        "3.5GB|3500000000|GB",
        "0.5 TB/s|500000000000|TB/s",
        "12.5%|0.125|%",
        "2 GPUs|2|",
        "6.7B params|6700000000|",
        "2048 MiB|2147483648|MiB",
        "151.3 tokens/s|151.3|tokens/s",
        "~4.8 bits|4.8|bits"})
    void readsTheFormsPeopleType(String typed, String base, String unit) {
        AnswerParser.Result result = AnswerParser.parse(typed);
        assertThat(result.ok()).as(typed).isTrue();
        ParsedAnswer answer = result.answer().orElseThrow();
        assertThat(answer.inBase(Unit.ONE)).as(typed).isEqualByComparingTo(new BigDecimal(base));
        assertThat(answer.unit().map(Unit::symbol).orElse("")).isEqualTo(unit == null ? "" : unit);
    }

    @ParameterizedTest
    @CsvSource({"70B, 70000000000", "1.5k, 1500"})
    void countSuffixesWhenACountIsAsked(String typed, String count) {
        ParsedAnswer answer = AnswerParser.parse(typed, Dimension.COUNT).answer().orElseThrow();
        assertThat(answer.inBase(Unit.ONE)).isEqualByComparingTo(count);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"about fourteen|does not start with a number", "14 parsecs|not one I know",
        "|Type a number"})
    void unreadableInputGetsAHelpfulMessage(String typed, String message) {
        AnswerParser.Result result = AnswerParser.parse(typed);
        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).contains(message);
    }

    /** Beyond 40 significant digits or 10^±30 the text is unreadable, so no BigDecimal ever holds it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1e10000000 GB|significant digits or an exponent",
        "1e999|significant digits or an exponent",
        "-1e999 GiB|significant digits or an exponent",
        "1e31|out of range",
        "1e-31 s|out of range",
        "1e20 TB|out of range",
        "2e-29 ms|out of range",
        "1e99999999999999999999|significant digits or an exponent",
        "12345678901234567890123456789012345678901 bytes|significant digits or an exponent"})
    void hugeExponentsAndLongDigitStringsAreUnreadable(String typed, String message) {
        AnswerParser.Result result = AnswerParser.parse(typed);
        assertThat(result.ok()).as(typed).isFalse();
        assertThat(result.problem()).contains(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1e30|1e30",
        "1e-30|1e-30",
        "1e18 TB|1e30",
        "0e999999999999|0",
        "-0.000|0",
        "0.1234567890123456789012345678901234567890|0.1234567890123456789012345678901234567890",
        "0.000000000000000000000000000001 s|1e-30",
        "1e27k params|1e30"})
    void numbersAtTheBoundsStillRead(String typed, String base) {
        AnswerParser.Result result = AnswerParser.parse(typed, Dimension.COUNT);
        assertThat(result.ok()).as(typed).isTrue();
        assertThat(result.answer().orElseThrow().inBase(Unit.ONE)).isEqualByComparingTo(new BigDecimal(base));
    }

    @org.junit.jupiter.api.Test
    void aPageOfDigitsIsNeitherReadNorEchoedWhole() {
        String zeros = "0." + "0".repeat(100_000) + "1 GB";
        AnswerParser.Result tiny = AnswerParser.parse(zeros);
        assertThat(tiny.ok()).isFalse();
        assertThat(tiny.problem()).hasSizeLessThan(300);
        assertThat(AnswerParser.parse("1" + "0".repeat(100_000)).ok()).isFalse();
        assertThat(AnswerParser.parse("1." + "0".repeat(100_000)).ok()).isFalse();
        // The scale as typed is kept: 14.50 is 1450 hundredths, as new BigDecimal("14.50") would read it.
        assertThat(AnswerParser.parse("14.50 GB").answer().orElseThrow().number()).isEqualTo(new BigDecimal("14.50"));
        assertThat(AnswerParser.parse("1.4e10").answer().orElseThrow().number()).isEqualTo(new BigDecimal("1.4e10"));
    }
}
