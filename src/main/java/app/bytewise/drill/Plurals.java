package app.bytewise.drill;

import app.bytewise.engine.Plural;

/**
 * Question texts are formatted from drawn numbers ("%d sequences"), so a draw of one would read "1
 * sequences": the nouns the templates count go back in the singular after a lone 1 ({@link Plural}).
 */
final class Plurals {

    private Plurals() {
    }

    static String singularAfterOne(String text) {
        return Plural.singularAfterOne(text);
    }
}
