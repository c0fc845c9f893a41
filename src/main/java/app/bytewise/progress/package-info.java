/** A candidate's attempts, mastery per topic and spaced-review queue, persisted through JPA. */
package app.bytewise.progress;
