package app.bytewise.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.Option;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Results of a class: per-student scores, statistics per item, topic and misconception, and the CSV. */
class ResultsExportTest extends ClassroomTestBase {

    @Test
    void resultsAndCsvReportEveryAnswerWithMisconceptions() {
        Setup s = setUp(settings(3, QuizMode.CHOICE, SeedPolicy.SHARED, 1));
        var second = candidate();
        classrooms.join(second, s.classroom().joinCode());
        List<Question> questions = assignments.paper(s.candidate(), s.assignment().id()).questions();
        submissions.submit(s.candidate(), s.assignment().id(), rightAnswers(questions));
        // The second student picks a wrong option on the first question and a comma-laden text on the third.
        Option wrong = questions.get(0).options().stream().filter(o -> !o.correct()).findFirst().orElseThrow();
        List<String> answers = new ArrayList<>(rightAnswers(questions));
        answers.set(0, wrong.id());
        answers.set(2, "=1,2 \"GB\"");
        submissions.submit(second, s.assignment().id(), answers);

        AssignmentResults r = results.results(s.instructor(), s.assignment().id());
        assertThat(r.students()).extracting(StudentScore::bestScore).containsExactlyInAnyOrder(3.0, 1.0);
        assertThat(r.items()).extracting(ItemStats::facility).containsExactly(50.0, 100.0, 50.0);
        // Item 1 and 3 go with the rest of the test (both wrong for the weaker student): r = 1.
        assertThat(r.items().get(0).discrimination()).hasValue(100.0);
        assertThat(r.items().get(1).discrimination()).isEmpty();
        String expectedWrong = wrong.misconception() == app.bytewise.drill.Misconception.WRONG_OPTION
                ? wrong.id() + ") " + wrong.text() : wrong.misconception().title();
        assertThat(r.items().get(0).commonWrongAnswers()).containsExactly(new ItemStats.WrongAnswer(expectedWrong, 1));
        assertThat(r.topics()).isNotEmpty().allMatch(t -> t.meanPercent() >= 0 && t.meanPercent() <= 100);
        if (wrong.misconception() != app.bytewise.drill.Misconception.WRONG_OPTION) {
            assertThat(r.misconceptions()).singleElement()
                    .isEqualTo(new MisconceptionCount(wrong.misconception(), 1, 1));
        }

        String csv = results.csv(s.instructor(), s.assignment().id());
        String[] lines = csv.split("\r\n");
        assertThat(csv).endsWith("\r\n");
        assertThat(lines).hasSize(1 + 6);
        assertThat(lines[0]).isEqualTo("class,quiz,username,display_name,attempt,submitted_at,question,question_id,"
                + "topic,topic_id,answer,response,correct,score,misconception,misconception_id");
        assertThat(csv).contains(",\"'=1,2 \"\"GB\"\"\",\"'=1,2 \"\"GB\"\"\",,0.00,,");
        assertThat(lines).filteredOn(l -> l.contains(second.getUsername())).hasSize(3);
        assertThat(lines[1]).startsWith("LLM memory 101,Memory basics,");
        assertThat(questions).allMatch(q -> q.kind() == QuestionKind.CHOICE);
    }

    @Test
    void aTypedFormulaIsDefusedInTheCsvWhileTheAppsNumbersStayNumbers() {
        Setup s = setUp(settings(1, QuizMode.NUMERIC, SeedPolicy.SHARED, 1));
        submissions.submit(s.candidate(), s.assignment().id(), List.of("-2+3+cmd|' /C calc'!A0"));

        String[] lines = results.csv(s.instructor(), s.assignment().id()).split("\r\n");
        assertThat(lines).hasSize(2);
        // answer and response are both what was typed; attempt 1, question 1 and the score 0.00 are plain numbers.
        assertThat(lines[1]).endsWith(",'-2+3+cmd|' /C calc'!A0,'-2+3+cmd|' /C calc'!A0,,0.00,,");
        assertThat(lines[1].split(",")[4]).isEqualTo("1");
    }
}
