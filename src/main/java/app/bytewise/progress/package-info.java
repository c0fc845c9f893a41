/**
 * A candidate's attempts, mastery per topic and spaced-review queue, persisted through JPA.
 *
 * <p>Every graded answer is stored as an {@link app.bytewise.progress.Attempt}. It moves the topic's
 * Elo rating ({@link app.bytewise.progress.EloMastery}) and the template's FSRS-5 review card
 * ({@link app.bytewise.progress.fsrs.Fsrs}, rating from {@link app.bytewise.progress.ReviewRating}),
 * all in one transaction in {@link app.bytewise.progress.ProgressService}. Cards are per template,
 * so each review asks the same skill with a new seed. Sub-package {@code fsrs} is the scheduler
 * itself, plain Java.
 */
package app.bytewise.progress;
