package app.bytewise.classroom;

import app.bytewise.drill.Grade;
import app.bytewise.drill.Question;

/** A student's question regenerated from its stored id, with the stored answer and its grade. */
public record Replay(AnswerRow answer, Question question, Grade grade) {
}
