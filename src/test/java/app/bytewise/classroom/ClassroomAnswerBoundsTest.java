package app.bytewise.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stored answers are graded again at every listing of results and at every replay: an answer past
 * the parser's bounds ({@code 1e10000000 GB}, 40 s of CPU per grading before) is unreadable there too.
 */
class ClassroomAnswerBoundsTest extends ClassroomTestBase {

    @Test
    void hugeExponentsInStoredAnswersAreUnreadableInResultsAndReplay() {
        Setup s = setUp(settings(2, QuizMode.NUMERIC, SeedPolicy.SHARED, 1));
        assignments.paper(s.candidate(), s.assignment().id());
        List<String> answers = List.of("1e10000000 GB", "1e999");
        SubmissionResult result = submissions.submit(s.candidate(), s.assignment().id(), answers);
        assertThat(result.score()).isZero();
        assertThat(result.answers()).allSatisfy(a -> assertThat(a.grade().correct()).isEmpty());

        AssignmentResults r = results.results(s.instructor(), s.assignment().id());
        assertThat(r.answers()).extracting(AnswerRow::answer).containsExactlyElementsOf(answers);
        assertThat(r.answers()).allSatisfy(row -> assertThat(row.correct()).isEmpty());
        for (AnswerRow row : r.answers()) {
            Replay replay = results.replay(s.instructor(), row.answerId());
            assertThat(replay.grade().correct()).isEmpty();
            assertThat(replay.grade().feedback()).contains("exponent");
        }
        assertThat(submissions.submissionsOf(s.candidate(), s.assignment().id())).singleElement()
                .satisfies(mine -> assertThat(mine.answers()).allSatisfy(a -> assertThat(a.grade().correct()).isEmpty()));
    }
}
