package app.bytewise.engine;

import java.util.regex.Pattern;

/**
 * Counted nouns in the singular after a lone 1: figures are formatted from computed numbers ("%d
 * sequences", an input's unit "KV heads"), so a count of one would read "1 sequences".
 */
public final class Plural {

    private static final String NOUNS = "sequence|KV head|query head|attention head|head|GPU|byte|token|layer|slot"
            + "|micro-batch|stage|expert|rank|group|parameter|element|question|attempt|student|variant";
    private static final Pattern ONE_OF_MANY = Pattern.compile("(?<![\\d.,])1 (" + NOUNS + ")s\\b");
    private static final Pattern LEADING_NOUN = Pattern.compile("^(" + NOUNS + ")s\\b");

    private Plural() {
    }

    /** "1 sequences" → "1 sequence" wherever it occurs; "11 sequences" and "0.1 bytes" are left alone. */
    public static String singularAfterOne(String text) {
        return ONE_OF_MANY.matcher(text).replaceAll("1 $1");
    }

    /** A unit for a count: its leading noun in the singular when the count is 1 ("bytes per GPU" → "byte per GPU"). */
    public static String unitFor(long count, String unit) {
        return count == 1 ? LEADING_NOUN.matcher(unit).replaceFirst("$1") : unit;
    }

    /** "1 layer", "2 layers": the count with its noun. */
    public static String count(long count, String singular) {
        return String.format(java.util.Locale.ROOT, "%,d %s", count, count == 1 ? singular : singular + "s");
    }
}
