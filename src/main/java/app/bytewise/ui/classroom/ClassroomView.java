package app.bytewise.ui.classroom;

import app.bytewise.classroom.AssignmentService;
import app.bytewise.classroom.ClassroomService;
import app.bytewise.classroom.QuizService;
import app.bytewise.classroom.ResultsService;
import app.bytewise.security.Role;
import app.bytewise.ui.CurrentUser;
import app.bytewise.security.UserAccount;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** The instructor's classroom: classes, quizzes, assignments and results, each in its own panel. */
@Route("classroom")
@PageTitle("Classroom | Bytewise")
@RolesAllowed(Role.INSTRUCTOR_NAME)
public class ClassroomView extends VerticalLayout {

    public ClassroomView(CurrentUser user, ClassroomService classrooms,
            QuizService quizzes, AssignmentService assignments, ResultsService results, Clock clock) {
        addClassName("bw-page");
        UserAccount instructor = user.require();
        ResultsPanel resultsPanel = new ResultsPanel(results, assignments, instructor);
        AssignPanel assignPanel = new AssignPanel(assignments, classrooms, quizzes, instructor, clock,
                resultsPanel::refresh);
        ClassesPanel classesPanel = new ClassesPanel(classrooms, instructor, assignPanel::refresh);
        QuizPanel quizPanel = new QuizPanel(quizzes, instructor, assignPanel::refresh);
        add(new H1("Classroom"), classesPanel, quizPanel, assignPanel, resultsPanel);
    }
}
