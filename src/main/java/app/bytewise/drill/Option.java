package app.bytewise.drill;

/**
 * One option of a multiple-choice question, with what choosing it means: the correct one has no
 * misconception; every wrong one names the mistake it comes from and explains it.
 */
public record Option(String id, String text, boolean correct, Misconception misconception, String explanation) {
}
