package app.bytewise.drill.answer;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what people type as a numeric answer: {@code 14}, {@code 14 GB}, {@code 13.04 GiB},
 * {@code 1.4e10 bytes}, {@code 14,000 MB}, {@code 14G}, {@code 3.5GB}, {@code 0.5 TB/s},
 * {@code 12.5%}, {@code 2 GPUs}, {@code 6.7B params}. Thousands separators are commas; a decimal
 * comma is not accepted (it would be ambiguous with them).
 *
 * <p>Numbers are bounded before any {@link BigDecimal} is made: at most {@value #MAX_DIGITS}
 * significant digits, and an order of magnitude within ±{@value #MAX_EXPONENT} once the typed unit
 * or suffix is applied. Exact decimal arithmetic on {@code 1e10000000} costs seconds to minutes (a
 * comparison aligns both numbers to ten million digits), and a stored answer is graded again at
 * every listing; beyond the bounds the text is unreadable, like any other, so it costs no attempt.
 */
public final class AnswerParser {

    /** Far more precision than any answer needs (expected values have at most 20 digits). */
    static final int MAX_DIGITS = 40;
    /** 10^30 bytes is a billion times the largest answer (a cluster's memory); 10^-30 s is far below any time. */
    static final int MAX_EXPONENT = 30;

    private static final Pattern NUMBER = Pattern.compile(
            "^([-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:[eE][-+]?\\d+)?|[-+]?\\.\\d+(?:[eE][-+]?\\d+)?)\\s*(.*)$");
    /** Count multipliers, only when what follows is a count unit or nothing: "6.7B params", "70B". */
    private static final Pattern COUNT_SUFFIX = Pattern.compile("^(k|m|b|bn|t)\\s*(params|parameters|tokens)?$");

    private AnswerParser() {
    }

    /** The parsed answer, or an explanation of what could not be read. */
    public static Result parse(String text) {
        return parse(text, null);
    }

    /**
     * As {@link #parse(String)}, reading "70B" or "1.5k" as a count when the question asks for one
     * ({@code expected} = COUNT): there "B" means billion, not bytes.
     */
    public static Result parse(String text, Dimension expected) {
        if (text == null || text.isBlank()) {
            return Result.failure("Type a number, for example 13.48 GB.");
        }
        String cleaned = text.strip().replace('\u00a0', ' ').replace("≈", "").replace("~", "").strip();
        Matcher m = NUMBER.matcher(cleaned);
        if (!m.matches()) {
            return Result.failure("'" + shown(text) + "' does not start with a number. Type e.g. 13.48 GB or 2 GPUs.");
        }
        Optional<BoundedNumber> read = BoundedNumber.read(m.group(1));
        if (read.isEmpty()) {
            return Result.failure("'" + shown(text) + "' has more than " + MAX_DIGITS + " significant digits or an "
                    + "exponent beyond ±" + MAX_EXPONENT + ": type the number rounded, e.g. 13.48 GB.");
        }
        BoundedNumber number = read.get();
        String rest = m.group(2).strip();
        if (rest.isEmpty()) {
            return bounded(number, 0, text, Optional.empty());
        }
        Matcher suffix = COUNT_SUFFIX.matcher(rest.toLowerCase(Locale.ROOT));
        boolean countSuffix = suffix.matches() && (suffix.group(2) != null || expected == Dimension.COUNT);
        Optional<Unit> unit = countSuffix ? Optional.empty() : Unit.parse(rest);
        if (unit.isPresent()) {
            return bounded(number, 0, text, unit);
        }
        if (countSuffix) {
            int exponent = switch (suffix.group(1)) {
                case "k" -> 3;
                case "m" -> 6;
                case "b", "bn" -> 9;
                default -> 12;
            };
            return bounded(number, exponent, text, Optional.of(Unit.ONE));
        }
        return Result.failure("The unit '" + rest + "' is not one I know. Use bytes, KB, MB, GB, TB, KiB, MiB, GiB, "
                + "GB/s, TB/s, tokens/s, s, ms, % or a count such as GPUs.");
    }

    /**
     * The answer when the number, times 10^{@code suffixExponent} and the unit's factor, is within
     * 10^±{@value #MAX_EXPONENT}: only then is the BigDecimal made.
     */
    private static Result bounded(BoundedNumber number, int suffixExponent, String text, Optional<Unit> unit) {
        long magnitude = number.magnitude() + suffixExponent + unit.map(u -> magnitude(u.factor())).orElse(0);
        if (!number.isZero() && Math.abs(magnitude) > MAX_EXPONENT) {
            return Result.failure("'" + shown(text) + "' is out of range: answers here lie between 10^-" + MAX_EXPONENT
                    + " and 10^" + MAX_EXPONENT + ". Type e.g. 13.48 GB.");
        }
        return Result.success(new ParsedAnswer(number.value().scaleByPowerOfTen(suffixExponent), unit, text));
    }

    /** The power of ten of a unit's factor's leading digit: 9 for GB and GiB, -3 for ms. */
    private static int magnitude(BigDecimal factor) {
        return factor.precision() - factor.scale() - 1;
    }

    /** The typed text for a message, cut short: a page of digits is not echoed back. */
    private static String shown(String text) {
        String stripped = text.strip();
        return stripped.length() <= 60 ? stripped : stripped.substring(0, 60) + "…";
    }

    /** Either a parsed answer or a message saying what was not understood. */
    public record Result(Optional<ParsedAnswer> answer, String problem) {

        static Result success(ParsedAnswer answer) {
            return new Result(Optional.of(answer), "");
        }

        static Result failure(String problem) {
            return new Result(Optional.empty(), problem);
        }

        public boolean ok() {
            return answer.isPresent();
        }
    }
}
