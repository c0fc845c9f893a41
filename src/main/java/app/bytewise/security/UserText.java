package app.bytewise.security;

import java.util.Optional;

/**
 * The one check every service applies to text a person typed before it reaches the database: no
 * control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F). PostgreSQL cannot store
 * U+0000 in a text column at all ("The character with code zero (sometimes called NUL) cannot be
 * stored", PostgreSQL 15 manual, §8.3 Character Types), so a NUL failed there with a 500 while H2
 * stored it; the other controls are invisible, corrupt exports and logs, and belong in no name,
 * title, code, password or answer. Refusing them on every database makes them all behave alike.
 * No field here spans lines, so tab and line breaks are refused too.
 */
public final class UserText {

    private UserText() {
    }

    /** What is wrong with the text, as a message for its field; empty if it is acceptable (null counts as empty). */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL) {
                return Optional.of(String.format("Control characters are not allowed here (found U+%04X).", (int) c));
            }
        }
        return Optional.empty();
    }

    /** The text itself, or an {@link InvalidFieldException} naming {@code field}. */
    public static String require(String field, String text) {
        problem(text).ifPresent(message -> {
            throw new InvalidFieldException(field, message);
        });
        return text;
    }
}
