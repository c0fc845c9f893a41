package app.bytewise.security;

import app.bytewise.failure.DatabaseUnavailable;
import app.bytewise.ui.LoginView;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two filter chains: the stateless REST API and health probe (personal tokens or HTTP Basic), whose
 * errors are problem details, and the Vaadin UI with form sign-in and CSRF protection.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfig {

    /** Overridable for deployments that embed other origins; see {@link SecurityHeaders#DEFAULT_CSP}. */
    @Value("${bytewise.security.content-security-policy:" + SecurityHeaders.DEFAULT_CSP + "}")
    private String contentSecurityPolicy;

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokenService tokens,
            ObjectProvider<SecurityContextHolderStrategy> strategy) throws Exception {
        return http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                // Personal endpoints need an account; the rest of the API stays open.
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/me/**", "/api/v1/assignments/**")
                        .authenticated().anyRequest().permitAll())
                // A personal token (Authorization: Bearer), or HTTP Basic, on every request: stateless, so
                // any node can serve any request.
                .addFilterBefore(new BearerTokenFilter(tokens,
                        strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy)),
                        BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (DatabaseUnavailable.causes(e)) {
                        // The account could not be looked up: an outage, not wrong credentials.
                        ProblemJson.unavailable(response);
                        return;
                    }
                    ApiChallenge.unauthorized(response, ApiChallenge.BEARER);
                }))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No cookies are read on this chain, so there is no session to forge requests against.
                .csrf(csrf -> csrf.disable())
                .headers(SecurityHeaders.standard(contentSecurityPolicy))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) ->
                                ApiChallenge.unauthorized(response, ApiChallenge.BEARER))
                        .accessDeniedHandler((request, response, e) ->
                                ProblemJson.write(response, HttpStatus.FORBIDDEN, "Not allowed.")))
                .build();
    }

    /**
     * Vaadin's own CSRF setup exempts the sign-in URL, so any site could post a form to {@code /login}
     * and sign a visitor's browser into an account of its choosing (login CSRF, OWASP CSRF Prevention
     * Cheat Sheet, "Login CSRF"). Here only Vaadin's internal requests are exempt, which carry Vaadin's
     * own token; the sign-in form sends Spring's token, which Vaadin puts in the page's
     * {@code _csrf} meta tags and the login form component copies into its POST.
     */
    @Bean
    @Order(2)
    SecurityFilterChain uiFilterChain(HttpSecurity http, RequestUtil vaadinRequests) throws Exception {
        // An error dispatch shows the error's own status (403 for a missing CSRF token, say) instead of
        // a redirect to the sign-in page; the error page shows no details (server.error.include-*).
        http.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/styles/**", "/images/**").permitAll()
                // A page address that is no view: let Vaadin answer with its own 404 page, for visitors
                // signed in or not, instead of a bare 403 or a detour to sign-in. Views keep their own
                // access checks (Vaadin's navigation access control), so this opens nothing.
                .requestMatchers(request -> "GET".equals(request.getMethod())
                        && !vaadinRequests.isFrameworkInternalRequest(request)
                        && !vaadinRequests.isSecuredFlowRoute(request)
                        && !vaadinRequests.isAnonymousRoute(request)).permitAll());
        http.headers(SecurityHeaders.standard(contentSecurityPolicy));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        // Session ids travel only in the cookie (also server.servlet.session.tracking-modes=cookie).
        http.sessionManagement(session -> session.enableSessionUrlRewriting(false));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                        .enableCsrfConfiguration(false))
                .build();
    }

    /** Before everything else, and on the error dispatch Tomcat makes for its own 405 to TRACE. */
    @Bean
    FilterRegistrationBean<MethodGuardFilter> methodGuardFilter() {
        var registration = new FilterRegistrationBean<>(new MethodGuardFilter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
