package app.bytewise.classroom;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * CSV as RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180) writes it: CRLF after every record, and a
 * field in double quotes, its quotes doubled, when it holds a comma, quote, CR or LF.
 *
 * <p>Spreadsheets run a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, tab or
 * carriage return as a formula, digits after the lead or not ({@code -2+3+cmd|' /C calc'!A0} runs a
 * command), so every {@link Text} cell starting with one gets a leading apostrophe (OWASP, "CSV
 * Injection"). Names and answers are typed by people, so a student's {@code -3.5 GB} is written
 * {@code '-3.5 GB}. Only a {@link Number}, which the app formats itself and which can only be a plain
 * decimal, is written as it is and stays a number in the spreadsheet.
 */
final class Csv {

    /** What spreadsheets read as the start of a formula (OWASP's list). */
    private static final String FORMULA_LEADS = "=+-@\t\r";

    private Csv() {
    }

    /** One cell of a record. */
    sealed interface Cell permits Text, Number {
    }

    /** Text from anywhere, user input included: defused if a spreadsheet would run it. */
    record Text(String value) implements Cell {
        Text {
            value = value == null ? "" : value;
        }
    }

    /** A number the app formatted: an optional minus, digits and an optional decimal part, nothing else. */
    record Number(String value) implements Cell {
        private static final Pattern PLAIN = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

        Number {
            if (value == null || !PLAIN.matcher(value).matches()) {
                throw new IllegalArgumentException("not a plain number: " + value);
            }
        }
    }

    static Cell text(String value) {
        return new Text(value);
    }

    static Cell number(long value) {
        return new Number(Long.toString(value));
    }

    static Cell number(String formatted) {
        return new Number(formatted);
    }

    /** A record of text cells (a header, say). */
    static String textRecord(List<String> fields) {
        return record(fields.stream().map(Csv::text).toList());
    }

    static String record(List<Cell> cells) {
        return cells.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    static String field(Cell cell) {
        String v = switch (cell) {
            case Number n -> n.value();
            case Text t -> !t.value().isEmpty() && FORMULA_LEADS.indexOf(t.value().charAt(0)) >= 0
                    ? "'" + t.value() : t.value();
        };
        if (v.contains(",") || v.contains("\"") || v.contains("\r") || v.contains("\n")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
