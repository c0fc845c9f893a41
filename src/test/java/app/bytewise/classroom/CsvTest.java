package app.bytewise.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void fieldsAreQuotedAsRfc4180Requires() {
        assertThat(Csv.record(List.of("plain", "a,b", "say \"hi\"", "two\nlines", "")))
                .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }

    @Test
    void formulasAreDefusedButNegativeNumbersKept() {
        assertThat(Csv.field("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(Csv.field("@cmd")).isEqualTo("'@cmd");
        assertThat(Csv.field("-3.5 GB")).isEqualTo("-3.5 GB");
        assertThat(Csv.field("-x")).isEqualTo("'-x");
    }
}
