package app.bytewise.drill.answer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The units an answer may be typed in, each with its factor to the base unit. GB, MB and TB are
 * decimal (10^9, 10^6, 10^12 bytes) and GiB, MiB, TiB binary (2^30, 2^20, 2^40), per IEC 80000-13;
 * a bare "G" is read as GB.
 */
public record Unit(String symbol, Dimension dimension, BigDecimal factor, List<String> spellings) {

    private static final BigDecimal KIB = BigDecimal.valueOf(1L << 10);
    private static final BigDecimal MIB = BigDecimal.valueOf(1L << 20);
    private static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);
    private static final BigDecimal TIB = BigDecimal.valueOf(1L << 40);

    public static final Unit BYTE = new Unit("bytes", Dimension.BYTES, BigDecimal.ONE, List.of("b", "byte", "bytes"));
    public static final Unit KB = decimal("KB", Dimension.BYTES, 3, "kb", "k");
    public static final Unit MB = decimal("MB", Dimension.BYTES, 6, "mb", "m");
    public static final Unit GB = decimal("GB", Dimension.BYTES, 9, "gb", "g");
    public static final Unit TB = decimal("TB", Dimension.BYTES, 12, "tb", "t");
    public static final Unit KIB_UNIT = new Unit("KiB", Dimension.BYTES, KIB, List.of("kib"));
    public static final Unit MIB_UNIT = new Unit("MiB", Dimension.BYTES, MIB, List.of("mib"));
    public static final Unit GIB_UNIT = new Unit("GiB", Dimension.BYTES, GIB, List.of("gib"));
    public static final Unit TIB_UNIT = new Unit("TiB", Dimension.BYTES, TIB, List.of("tib"));
    public static final Unit BYTES_PER_S = new Unit("B/s", Dimension.BANDWIDTH, BigDecimal.ONE, List.of("b/s", "bytes/s"));
    public static final Unit GB_PER_S = decimal("GB/s", Dimension.BANDWIDTH, 9, "gb/s", "gbps");
    public static final Unit TB_PER_S = decimal("TB/s", Dimension.BANDWIDTH, 12, "tb/s", "tbps");
    public static final Unit GIB_PER_S = new Unit("GiB/s", Dimension.BANDWIDTH, GIB, List.of("gib/s"));
    public static final Unit TOKENS_PER_S = new Unit("tokens/s", Dimension.TOKEN_RATE, BigDecimal.ONE,
            List.of("tokens/s", "token/s", "tok/s", "t/s", "tokens/sec", "tps"));
    public static final Unit SECOND = new Unit("s", Dimension.TIME, BigDecimal.ONE, List.of("s", "sec", "secs", "second", "seconds"));
    public static final Unit MILLISECOND = new Unit("ms", Dimension.TIME, new BigDecimal("0.001"), List.of("ms"));
    public static final Unit PERCENT = new Unit("%", Dimension.FRACTION, new BigDecimal("0.01"), List.of("%", "percent"));
    public static final Unit FRACTION = new Unit("", Dimension.FRACTION, BigDecimal.ONE, List.of());
    public static final Unit BITS = new Unit("bits", Dimension.COUNT, BigDecimal.ONE, List.of("bit", "bits", "bpw"));
    public static final Unit TOKENS = new Unit("tokens", Dimension.COUNT, BigDecimal.ONE, List.of("tokens", "token"));
    public static final Unit ONE = new Unit("", Dimension.COUNT, BigDecimal.ONE,
            List.of("gpu", "gpus", "params", "parameters", "layers", "x", "×"));

    public static final List<Unit> ALL = List.of(BYTE, KB, MB, GB, TB, KIB_UNIT, MIB_UNIT, GIB_UNIT, TIB_UNIT,
            BYTES_PER_S, GB_PER_S, TB_PER_S, GIB_PER_S, TOKENS_PER_S, SECOND, MILLISECOND, PERCENT, BITS, TOKENS, ONE);

    private static Unit decimal(String symbol, Dimension dimension, int exponent, String... spellings) {
        return new Unit(symbol, dimension, BigDecimal.TEN.pow(exponent), List.of(spellings));
    }

    public static Optional<Unit> parse(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(u -> u.spellings.contains(key)).findFirst();
    }

    public BigDecimal toBase(BigDecimal value) {
        return value.multiply(factor);
    }

    public BigDecimal fromBase(BigDecimal base) {
        return base.divide(factor, java.math.MathContext.DECIMAL128);
    }
}
