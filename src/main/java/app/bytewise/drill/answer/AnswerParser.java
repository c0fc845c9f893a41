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
 */
public final class AnswerParser {

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
            return Result.failure("'" + text.strip() + "' does not start with a number. Type e.g. 13.48 GB or 2 GPUs.");
        }
        BigDecimal number = new BigDecimal(m.group(1).replace(",", ""));
        String rest = m.group(2).strip();
        if (rest.isEmpty()) {
            return Result.success(new ParsedAnswer(number, Optional.empty(), text));
        }
        Matcher suffix = COUNT_SUFFIX.matcher(rest.toLowerCase(Locale.ROOT));
        boolean countSuffix = suffix.matches() && (suffix.group(2) != null || expected == Dimension.COUNT);
        Optional<Unit> unit = countSuffix ? Optional.empty() : Unit.parse(rest);
        if (unit.isPresent()) {
            return Result.success(new ParsedAnswer(number, unit, text));
        }
        if (countSuffix) {
            int exponent = switch (suffix.group(1)) {
                case "k" -> 3;
                case "m" -> 6;
                case "b", "bn" -> 9;
                default -> 12;
            };
            return Result.success(new ParsedAnswer(number.scaleByPowerOfTen(exponent), Optional.of(Unit.ONE), text));
        }
        return Result.failure("The unit '" + rest + "' is not one I know. Use bytes, KB, MB, GB, TB, KiB, MiB, GiB, "
                + "GB/s, TB/s, tokens/s, s, ms, % or a count such as GPUs.");
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
