package app.bytewise.security;

import app.bytewise.failure.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last word on a database outage that escapes every handler, e.g. in the sign-in throttle, which
 * reads the database before any controller runs: 503 with {@code Retry-After} instead of the
 * container's 500 (or, outside the API, a redirect to an error page). API paths get a problem
 * detail, pages a short HTML message. Nothing was written: the transaction never began or rolled back.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);
    private static final String PAGE = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bytewise: "
            + "try again</title></head><body><h1>The database is unavailable for the moment</h1><p>Nothing was saved. "
            + "Please go back and try again in a few seconds.</p></body></html>";

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter() {
            var registration = new FilterRegistrationBean<>(new DatabaseOutageFilter());
            registration.addUrlPatterns("/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5); // outside security, which can fail this way
            return registration;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseUnavailable.causes(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            response.resetBuffer();
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                ProblemJson.unavailable(response);
            } else {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
                response.setContentType("text/html;charset=UTF-8");
                response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
