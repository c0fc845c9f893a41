package app.bytewise.ui;

import app.bytewise.ui.progress.ProgressView;
import app.bytewise.ui.lesson.LessonsView;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.NavigatorKt.expectView;
import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.ui.classroom.ClassroomView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class NavigationAccessTest extends KaribuTestBase {

    @Test
    void anonymousVisitorOpensLessonsButIsSentToSignInForProgress() {
        openAnonymously();

        UI.getCurrent().navigate(LessonsView.class);
        expectView(LessonsView.class);
        assertThat(navigationLabels()).containsExactly("Lessons", "Estimator", "Drill", "Scenarios", "Mock interview", "Worked examples", "Lab");

        UI.getCurrent().navigate(ProgressView.class);
        expectView(LoginView.class);
    }

    @Test
    void anonymousVisitorIsSentToSignInForClassroom() {
        openAnonymously();
        UI.getCurrent().navigate(ClassroomView.class);
        expectView(LoginView.class);
    }

    @Test
    void candidateSeesTheMainLayoutAndProgressButNotClassroom() {
        openSignedIn("candidate", "candidate-demo");

        UI.getCurrent().navigate(ProgressView.class);
        expectView(ProgressView.class);
        assertThat(navigationLabels()).containsExactly("Lessons", "Estimator", "Drill", "Scenarios", "Mock interview", "Worked examples", "Lab", "Progress",
                "Assignments");

        UI.getCurrent().navigate(ClassroomView.class);
        expectView(AccessDeniedView.class);
    }

    @Test
    void instructorSeesClassroom() {
        openSignedIn("instructor", "instructor-demo");

        UI.getCurrent().navigate(ClassroomView.class);
        expectView(ClassroomView.class);
        assertThat(navigationLabels()).containsExactly("Lessons", "Estimator", "Drill", "Scenarios", "Mock interview", "Worked examples", "Lab", "Progress",
                "Classroom");
    }

    private static List<String> navigationLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }
}
