package app.bytewise.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.security.UserAccount;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The service layer refuses what is not the caller's, whatever view or client calls it. */
class ClassroomAccessTest extends ClassroomTestBase {

    @Test
    void anInstructorSeesAndTouchesOnlyTheirOwnClassesQuizzesAndResults() {
        Setup s = setUp(settings(2, QuizMode.CHOICE, SeedPolicy.SHARED, 1));
        submissions.submit(s.candidate(), s.assignment().id(), blankAnswers(2));
        long answerId = results.results(s.instructor(), s.assignment().id()).answers().get(0).answerId();
        UserAccount other = instructor();

        assertThat(classrooms.classesOf(other)).isEmpty();
        assertThat(quizzes.quizzesOf(other)).isEmpty();
        assertThat(assignments.assignmentsOf(other)).isEmpty();
        assertThat(assignments.assignmentsOf(s.instructor())).extracting(AssignmentSummary::id)
                .containsExactly(s.assignment().id());
        assertDenied(() -> results.results(other, s.assignment().id()));
        assertDenied(() -> results.csv(other, s.assignment().id()));
        assertDenied(() -> results.replay(other, answerId));
        assertDenied(() -> quizzes.moodleXml(other, s.quiz().getId(), 1));
        assertDenied(() -> quizzes.delete(other, s.quiz().getId()));
        assertDenied(() -> classrooms.deleteClass(other, s.classroom().id()));
        assertDenied(() -> assignments.assign(other, s.quiz().getId(), s.classroom().id(), START,
                START.plus(Duration.ofDays(1))));
        // Their own quiz to someone else's class, or the reverse, is refused too.
        Quiz theirs = quizzes.create(other, settings(1, QuizMode.CHOICE, SeedPolicy.SHARED, 1));
        assertDenied(() -> assignments.assign(other, theirs.getId(), s.classroom().id(), START,
                START.plus(Duration.ofDays(1))));
    }

    @Test
    void aCandidateSeesOnlyAssignmentsOfClassesTheyJoinedAndOnlyTheirOwnSubmissions() {
        Setup s = setUp(settings(2, QuizMode.CHOICE, SeedPolicy.SHARED, 1));
        UserAccount outsider = candidate();
        assertThat(assignments.assignmentsFor(outsider)).isEmpty();
        assertDenied(() -> assignments.paper(outsider, s.assignment().id()));
        assertDenied(() -> submissions.submit(outsider, s.assignment().id(), blankAnswers(2)));

        UserAccount classmate = candidate();
        classrooms.join(classmate, s.classroom().joinCode());
        submissions.submit(s.candidate(), s.assignment().id(), blankAnswers(2));
        assertThat(submissions.submissionsOf(classmate, s.assignment().id())).isEmpty();
        assertThat(submissions.submissionsOf(s.candidate(), s.assignment().id())).hasSize(1);
    }

    @Test
    void candidatesCannotUseInstructorActionsNorInstructorsCandidateOnes() {
        Setup s = setUp(settings(1, QuizMode.CHOICE, SeedPolicy.SHARED, 1));
        assertDenied(() -> classrooms.createClass(s.candidate(), "Mine"));
        assertDenied(() -> quizzes.create(s.candidate(), settings(1, QuizMode.CHOICE, SeedPolicy.SHARED, 1)));
        assertDenied(() -> results.results(s.candidate(), s.assignment().id()));
        assertDenied(() -> classrooms.classesOf(s.candidate()));
        assertDenied(() -> classrooms.join(s.instructor(), s.classroom().joinCode()));
        assertDenied(() -> assignments.assignmentsFor(s.instructor()));
    }

    @Test
    void someoneElsesRecordAndAMissingOneAreRefusedAlikeSoIdsCannotBeProbed() {
        Setup s = setUp(settings(2, QuizMode.CHOICE, SeedPolicy.SHARED, 1));
        submissions.submit(s.candidate(), s.assignment().id(), blankAnswers(2));
        long answerId = results.results(s.instructor(), s.assignment().id()).answers().get(0).answerId();
        UserAccount other = instructor();
        long missing = Long.MAX_VALUE - 1;

        assertSameRefusal(() -> quizzes.quiz(other, s.quiz().getId()), () -> quizzes.quiz(other, missing));
        assertSameRefusal(() -> results.results(other, s.assignment().id()), () -> results.results(other, missing));
        assertSameRefusal(() -> results.replay(other, answerId), () -> results.replay(other, missing));
        UserAccount outsider = candidate();
        assertSameRefusal(() -> assignments.paper(outsider, s.assignment().id()),
                () -> assignments.paper(outsider, missing));
        assertSameRefusal(() -> submissions.submissionsOf(outsider, s.assignment().id()),
                () -> submissions.submissionsOf(outsider, missing));
        // A candidate cannot reach instructor results, not even their own answers', through the results service.
        assertDenied(() -> results.replay(s.candidate(), answerId));
        assertDenied(() -> results.csv(s.candidate(), s.assignment().id()));
    }

    private static void assertSameRefusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable someoneElses,
            org.assertj.core.api.ThrowableAssert.ThrowingCallable missing) {
        Throwable forOther = org.assertj.core.api.Assertions.catchThrowable(someoneElses);
        assertThat(forOther).isInstanceOf(ClassroomAccessDeniedException.class);
        assertThatThrownBy(missing).isInstanceOf(ClassroomAccessDeniedException.class)
                .hasMessage(forOther.getMessage());
    }

    private static void assertDenied(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ClassroomAccessDeniedException.class);
    }
}
