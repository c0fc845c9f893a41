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
}
