package app.bytewise.config;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.classroom.AssignmentResults;
import app.bytewise.classroom.AssignmentService;
import app.bytewise.classroom.AssignmentSummary;
import app.bytewise.classroom.ClassroomService;
import app.bytewise.classroom.ResultsService;
import app.bytewise.progress.ProgressService;
import app.bytewise.security.AccountService;
import app.bytewise.security.UserAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = {"bytewise.demo.sample-data=true",
        "spring.datasource.url=jdbc:h2:mem:sample-data;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class DemoClassroomTest {

    @Autowired
    private AccountService accounts;
    @Autowired
    private ClassroomService classrooms;
    @Autowired
    private AssignmentService assignments;
    @Autowired
    private ResultsService results;
    @Autowired
    private ProgressService progress;
    @Autowired
    private DemoClassroom demo;

    @Test
    void aFreshStartHasAClassWithSubmissionsAndACandidateWithProgress() {
        UserAccount instructor = accounts.find("instructor").orElseThrow();
        UserAccount candidate = accounts.find("candidate").orElseThrow();
        assertThat(classrooms.classesOf(instructor)).singleElement()
                .satisfies(c -> assertThat(c.members()).isEqualTo(4));
        AssignmentSummary assignment = assignments.assignmentsOf(instructor).get(0);
        assertThat(assignment.submissions()).isEqualTo(3);
        AssignmentResults shown = results.results(instructor, assignment.id());
        assertThat(shown.items()).hasSize(5);
        assertThat(assignments.assignmentsFor(candidate)).hasSize(1);
        assertThat(progress.attemptCount(candidate.getId())).isEqualTo(8);
        assertThat(progress.frequentMisconceptions(candidate.getId(), 5)).isNotEmpty();

        // A second start (or a second node) finds the class and adds nothing.
        demo.run(new DefaultApplicationArguments());
        assertThat(classrooms.classesOf(instructor)).hasSize(1);
        assertThat(DemoClassroom.SAMPLE_STUDENTS).allSatisfy(n -> assertThat(accounts.find(n)).isPresent());
    }
}
