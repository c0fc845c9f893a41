/** Classes, quizzes, assignments and results for instructors, persisted through JPA. */
package app.bytewise.classroom;
