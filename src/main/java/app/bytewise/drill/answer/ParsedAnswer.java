package app.bytewise.drill.answer;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A typed numeric answer: the number as typed and the unit, if one was given.
 *
 * @param number the value in the typed unit (already multiplied out for k/M/B suffixes on counts)
 */
public record ParsedAnswer(BigDecimal number, Optional<Unit> unit, String typed) {

    /** The value in the base unit of the unit given, or of {@code assumed} when none was typed. */
    public BigDecimal inBase(Unit assumed) {
        return unit.orElse(assumed).toBase(number);
    }
}
