package app.bytewise.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.List;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Views under Karibu-Testing with the real Spring context and real database users. Karibu runs no
 * servlet filters, so signing in authenticates against the database here and then puts the token
 * where Spring Security's filter would: the security context and the request's principal.
 */
@SpringBootTest
@ActiveProfiles("test")
public abstract class KaribuTestBase {

    private static Routes routes;

    @Autowired
    private ApplicationContext context;
    @Autowired
    private UserDetailsService userDetailsService;
    @Autowired
    private PasswordEncoder passwordEncoder;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("app.bytewise");
    }

    /**
     * Karibu's mock servlet sets these system properties to a frontend folder this project does not
     * have; left behind, they made a real server started later in the same JVM (the HTTP tests) serve
     * the dev server's error page instead of its pages.
     */
    private static final List<String> KARIBU_PROPERTIES = List.of("vaadin.vaadin.frontend.folder",
            "vaadin.project.basedir");

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        MockVaadin.tearDown();
        KARIBU_PROPERTIES.forEach(System::clearProperty);
    }

    /** Opens a fresh browser tab as an anonymous visitor. */
    protected void openAnonymously() {
        startUi();
    }

    /** Signs in with a real username and password (throws if wrong), then opens a fresh tab. */
    protected void openSignedIn(String username, String password) {
        Authentication authentication = authenticate(username, password);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        startUi();
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
    }

    protected Authentication authenticate(String username, String password) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(userDetailsService);
        provider.setPasswordEncoder(passwordEncoder);
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    private void startUi() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
    }
}
