package app.bytewise.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void fieldsAreQuotedAsRfc4180Requires() {
        assertThat(Csv.textRecord(List.of("plain", "a,b", "say \"hi\"", "two\nlines", "")))
                .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }

    /** OWASP's CSV Injection leads, each with a letter, a digit or a second formula after it. */
    @ParameterizedTest
    @ValueSource(strings = {"=SUM(A1)", "=1+2", "+1", "+cmd", "-2+3+cmd|' /C calc'!A0", "-1", "-3.5 GB", "-x", "@cmd",
        "@1", "\t=1", "\t1", "\r1", "\r=cmd"})
    void textStartingWithAFormulaLeadGetsAnApostrophe(String typed) {
        assertThat(unquoted(Csv.field(Csv.text(typed)))).isEqualTo("'" + typed);
    }

    @Test
    void textWithoutALeadIsKeptAndOnlyQuotedWhereNeeded() {
        assertThat(Csv.field(Csv.text("3.5 GB"))).isEqualTo("3.5 GB");
        assertThat(Csv.field(Csv.text("a=b"))).isEqualTo("a=b");
        assertThat(Csv.field(Csv.text(" -1"))).isEqualTo(" -1");
        assertThat(Csv.field(Csv.text("-2,=cmd"))).isEqualTo("\"'-2,=cmd\"");
    }

    @Test
    void numbersTheAppFormatsStayNumbers() {
        assertThat(Csv.record(List.of(Csv.number(3), Csv.number("-1.25"), Csv.number("0.50"), Csv.text("x"))))
                .isEqualTo("3,-1.25,0.50,x\r\n");
        for (String notPlain : List.of("-2+3", "1e5", "=1", "", " 1", "-", "1.")) {
            assertThatThrownBy(() -> Csv.number(notPlain)).as(notPlain).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static String unquoted(String field) {
        return field.startsWith("\"") ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
    }
}
