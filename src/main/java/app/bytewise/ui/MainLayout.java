package app.bytewise.ui;

import app.bytewise.ui.drill.DrillView;
import app.bytewise.ui.drill.InterviewView;
import app.bytewise.ui.drill.ScenariosView;
import app.bytewise.ui.drill.WorkedExamplesView;
import app.bytewise.ui.progress.ProgressView;
import app.bytewise.ui.lesson.LessonsView;
import app.bytewise.security.Role;
import app.bytewise.ui.admin.AccountsView;
import app.bytewise.ui.classroom.AssignmentsView;
import app.bytewise.ui.classroom.ClassroomView;
import app.bytewise.ui.estimator.EstimatorView;
import app.bytewise.ui.lab.LabView;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The shell around every page: a header with the brand and the account controls, and a side
 * navigation that shows only what the visitor may open.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);
        addClassName("bw-shell");

        RouterLink brand = new RouterLink("Bytewise", HomeView.class);
        brand.addClassName("bw-brand");
        Div header = new Div(new DrawerToggle(), brand, accountControls(authentication));
        header.addClassName("bw-header");
        addToNavbar(header);

        addToDrawer(navigation(authentication));
    }

    private static SideNav navigation(AuthenticationContext authentication) {
        SideNav nav = new SideNav();
        // Named for screen readers only: a visible "Main" over the links said nothing to anyone else.
        nav.getElement().setAttribute("aria-label", "Main");
        nav.addItem(new SideNavItem("Lessons", LessonsView.class, VaadinIcon.BOOK.create()));
        nav.addItem(new SideNavItem("Estimator", EstimatorView.class, VaadinIcon.CALC.create()));
        nav.addItem(new SideNavItem("Drill", DrillView.class, VaadinIcon.BULLSEYE.create()));
        nav.addItem(new SideNavItem("Scenarios", ScenariosView.class, VaadinIcon.STEP_FORWARD.create()));
        nav.addItem(new SideNavItem("Mock interview", InterviewView.class, VaadinIcon.TIMER.create()));
        nav.addItem(new SideNavItem("Worked examples", WorkedExamplesView.class, VaadinIcon.NOTEBOOK.create()));
        nav.addItem(new SideNavItem("Lab", LabView.class, VaadinIcon.FLASK.create()));
        if (authentication.isAuthenticated()) {
            nav.addItem(new SideNavItem("Progress", ProgressView.class, VaadinIcon.CHART.create()));
        }
        if (authentication.hasRole(Role.CANDIDATE.name())) {
            nav.addItem(new SideNavItem("Assignments", AssignmentsView.class, VaadinIcon.TASKS.create()));
        }
        if (authentication.hasRole(Role.INSTRUCTOR_NAME)) {
            nav.addItem(new SideNavItem("Classroom", ClassroomView.class, VaadinIcon.ACADEMY_CAP.create()));
        }
        if (authentication.hasRole(Role.ADMINISTRATOR_NAME)) {
            nav.addItem(new SideNavItem("Accounts", AccountsView.class, VaadinIcon.USERS.create()));
        }
        return nav;
    }

    private static Div accountControls(AuthenticationContext authentication) {
        Div controls = new Div();
        controls.addClassName("bw-account");
        authentication.getAuthenticatedUser(UserDetails.class).ifPresentOrElse(user -> {
            Span who = new Span(user.getUsername());
            who.addClassName("bw-user");
            Button signOut = new Button("Sign out", click -> authentication.logout());
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            controls.add(who, signOut);
        }, () -> controls.add(new Anchor("login", "Sign in"), new Anchor("signup", "Sign up")));
        return controls;
    }
}
