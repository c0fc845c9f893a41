package app.bytewise.security;

import app.bytewise.failure.DatabaseUnavailable;
import app.bytewise.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two filter chains: the stateless REST API and health probe, whose errors are problem details,
 * and the Vaadin UI with form sign-in and Vaadin's CSRF handling.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfig {

    /** Overridable for deployments that embed other origins; see {@link SecurityHeaders#DEFAULT_CSP}. */
    @Value("${bytewise.security.content-security-policy:" + SecurityHeaders.DEFAULT_CSP + "}")
    private String contentSecurityPolicy;

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                // Personal endpoints need an account; the rest of the API stays open.
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/me/**", "/api/v1/assignments/**")
                        .authenticated().anyRequest().permitAll())
                // HTTP Basic, checked on every request: stateless, so any node can serve any request.
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (DatabaseUnavailable.causes(e)) {
                        // The account could not be looked up: an outage, not wrong credentials.
                        ProblemJson.unavailable(response);
                        return;
                    }
                    response.setHeader("WWW-Authenticate", "Basic realm=\"bytewise\"");
                    ProblemJson.write(response, HttpStatus.UNAUTHORIZED, "Sign-in required.");
                }))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No cookies are read on this chain, so there is no session to forge requests against.
                .csrf(csrf -> csrf.disable())
                .headers(SecurityHeaders.standard(contentSecurityPolicy))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) ->
                                ProblemJson.write(response, HttpStatus.UNAUTHORIZED, "Sign-in required."))
                        .accessDeniedHandler((request, response, e) ->
                                ProblemJson.write(response, HttpStatus.FORBIDDEN, "Not allowed.")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles/**", "/images/**").permitAll());
        http.headers(SecurityHeaders.standard(contentSecurityPolicy));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
