package app.bytewise.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * One step of a worked solution: what is computed, the formula, the values put in, and the result.
 * The estimator page, the drill's worked solutions and the lessons' live examples all render these.
 *
 * @param key a stable identifier ({@code weights}, {@code kvCache}, …) that graders and UIs refer to
 * @param result exact; when {@code unit} is {@code bytes} the value is a whole number of bytes
 */
public record Step(String key, String name, String formula, List<Input> inputs, BigDecimal result, String unit,
        String note) {

    public static final String BYTES = "bytes";

    /** A value put into a formula, with its unit ("" for a pure number). */
    public record Input(String symbol, String value, String unit) {

        public static Input of(String symbol, long value, String unit) {
            return new Input(symbol, String.format(java.util.Locale.ROOT, "%,d", value), Plural.unitFor(value, unit));
        }

        public static Input of(String symbol, String value) {
            return new Input(symbol, value, "");
        }
    }

    public Step {
        inputs = List.copyOf(inputs);
        note = note == null ? "" : note;
    }

    public static Step bytes(String key, String name, String formula, List<Input> inputs, long bytes, String note) {
        return new Step(key, name, formula, inputs, BigDecimal.valueOf(bytes), BYTES, note);
    }

    public boolean isBytes() {
        return BYTES.equals(unit);
    }

    /**
     * The result as a reader sees it: bytes with their GB/GiB display, an exact figure as it is, a
     * quotient that does not terminate (0.1777777777777778) to six significant digits with "≈", and a
     * fraction also as a percentage.
     */
    public String shownResult() {
        if (isBytes()) {
            return Plural.count(byteCount().bytes(), "byte") + " = " + byteCount().display();
        }
        BigDecimal exact = result.stripTrailingZeros();
        boolean rounded = exact.precision() > 10;
        BigDecimal shown = rounded ? exact.round(new java.math.MathContext(6)).stripTrailingZeros() : exact;
        String number = (rounded ? "≈ " : "") + shown.toPlainString();
        if ("fraction".equals(unit)) {
            BigDecimal percent = exact.movePointRight(2).round(new java.math.MathContext(4)).stripTrailingZeros();
            return number + " (" + (rounded ? "≈ " : "") + percent.toPlainString() + " %)";
        }
        return unit.isEmpty() ? number : number + " " + unit;
    }

    /** The result as a byte count; only for byte-valued steps. */
    public ByteCount byteCount() {
        if (!isBytes()) {
            throw new IllegalStateException(key + " is in " + unit + ", not bytes");
        }
        return ByteCount.of(result.longValueExact());
    }
}
