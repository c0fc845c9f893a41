package app.bytewise.classroom;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV as RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180) writes it: CRLF after every record, and a
 * field in double quotes, its quotes doubled, when it holds a comma, quote, CR or LF. A field a
 * spreadsheet would run as a formula (=, +, @, or - not starting a number) gets a leading apostrophe,
 * as OWASP's CSV-injection advice suggests, since answers are typed by students.
 */
final class Csv {

    private Csv() {
    }

    static String record(List<String> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && ("=+@\t\r".indexOf(v.charAt(0)) >= 0 || v.matches("-[^0-9.].*"))) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\r") || v.contains("\n")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
