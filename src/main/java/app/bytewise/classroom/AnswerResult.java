package app.bytewise.classroom;

import app.bytewise.drill.Grade;
import app.bytewise.drill.QuestionId;

/** One graded answer of a submission, with the grader's feedback. */
public record AnswerResult(int slot, QuestionId questionId, String answer, Grade grade) {
}
