package app.bytewise.ui;

import app.bytewise.security.Role;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

@Route("classroom")
@PageTitle("Classroom | Bytewise")
@RolesAllowed(Role.INSTRUCTOR_NAME)
public class ClassroomView extends PlaceholderPage {

    public ClassroomView() {
        super("Classroom", "Your classes, quizzes, assignments and results.");
    }
}
