package app.bytewise.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NavigatorKt.expectView;
import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.ui.admin.AccountsView;
import app.bytewise.ui.classroom.ClassroomView;
import app.bytewise.ui.lesson.LessonsView;
import app.bytewise.ui.progress.ProgressView;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;

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

    @Test
    void administratorSeesAccountsAndCandidatesAndInstructorsDoNot() {
        openSignedIn("admin", "admin-demo");
        UI.getCurrent().navigate(AccountsView.class);
        expectView(AccountsView.class);
        assertThat(navigationLabels()).containsExactly("Lessons", "Estimator", "Drill", "Scenarios", "Mock interview",
                "Worked examples", "Lab", "Progress", "Accounts");
        MockVaadin.tearDown();

        openSignedIn("candidate", "candidate-demo");
        UI.getCurrent().navigate(AccountsView.class);
        expectView(AccessDeniedView.class);
        MockVaadin.tearDown();

        openSignedIn("instructor", "instructor-demo");
        UI.getCurrent().navigate(AccountsView.class);
        expectView(AccessDeniedView.class);
    }

    @Test
    void anUnknownAddressShowsTheNotFoundPageSignedInOrNot() {
        openSignedIn("candidate", "candidate-demo");
        openLocation("no-such-page");
        expectView(NotFoundView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("Page not found");
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();

        openAnonymously();
        openLocation("lessons/99-no-such-lesson/extra");
        expectView(NotFoundView.class);
    }

    /** What typing the address does: the router resolves it, with no client-side shortcut. */
    private static void openLocation(String path) {
        UI ui = UI.getCurrent();
        ui.getInternals().getRouter().navigate(ui, new Location(path), NavigationTrigger.ROUTER_LINK);
    }

    private static List<String> navigationLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }
}
