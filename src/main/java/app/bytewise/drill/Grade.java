package app.bytewise.drill;

import java.util.Optional;

/**
 * The verdict on one answer.
 *
 * @param correct empty when the answer could not be read (the message says what was not understood)
 * @param score from 0 to 1: a second try earns half, a number right in the wrong unit loses the unit penalty
 */
public record Grade(Optional<Boolean> correct, double score, String expected, Optional<Misconception> misconception,
        String feedback, Solution solution) {
}
