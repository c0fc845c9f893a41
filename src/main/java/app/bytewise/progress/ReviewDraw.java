package app.bytewise.progress;

import app.bytewise.drill.Question;

/** A review question drawn from the queue, with how many reviews were due when it was drawn. */
public record ReviewDraw(Question question, long dueCount) {
}
