package app.bytewise.drill;

import java.util.regex.Pattern;

/**
 * Question texts are formatted from drawn numbers ("%d sequences"), so a draw of one would read "1
 * sequences": this puts the nouns the templates count back in the singular after a lone 1.
 */
final class Plurals {

    private static final Pattern ONE_OF_MANY = Pattern.compile(
            "(?<![\\d.,])1 (sequence|KV head|attention head|GPU|byte|token|layer|slot|micro-batch|stage|expert)s\\b");

    private Plurals() {
    }

    static String singularAfterOne(String text) {
        return ONE_OF_MANY.matcher(text).replaceAll("1 $1");
    }
}
