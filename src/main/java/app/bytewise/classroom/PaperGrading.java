package app.bytewise.classroom;

import app.bytewise.drill.Grade;
import app.bytewise.drill.Grader;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionId;
import app.bytewise.drill.QuestionKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Component;

/** Grades a paper's answers, one per question in order, into the rows a submission stores. */
@Component
class PaperGrading {

    private static final int MAX_ANSWER = 200;
    private static final int MAX_RESPONSE = 300;

    private final QuizPlanner planner;
    private final Grader grader;

    PaperGrading(QuizPlanner planner, Grader grader) {
        this.planner = planner;
        this.grader = grader;
    }

    /** {@code answers} has one entry per id (null or blank for none); each is stripped and cut to its column. */
    List<SubmittedAnswer> grade(List<QuestionId> ids, List<String> answers) {
        List<SubmittedAnswer> graded = new ArrayList<>(ids.size());
        for (int slot = 0; slot < ids.size(); slot++) {
            Question q = planner.question(ids.get(slot));
            String answer = clip(answers.get(slot) == null ? "" : answers.get(slot).strip(), MAX_ANSWER);
            Grade g = grader.grade(q, answer, 1);
            graded.add(new SubmittedAnswer(slot, q.id(), q.topic(), answer, clip(response(q, answer), MAX_RESPONSE),
                    g.correct(), g.score(), g.misconception()));
        }
        return graded;
    }

    /** Every question unanswered: what an attempt closed by its time limit holds. */
    List<SubmittedAnswer> unanswered(List<QuestionId> ids) {
        return grade(ids, Collections.nCopies(ids.size(), ""));
    }

    /** The answer as the student saw it: the chosen option's letter and text, or what was typed. */
    static String response(Question q, String answer) {
        if (answer.isEmpty()) {
            return "(no answer)";
        }
        if (q.kind() == QuestionKind.CHOICE) {
            return q.option(answer).map(o -> o.id() + ") " + o.text()).orElse(answer);
        }
        return answer;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
