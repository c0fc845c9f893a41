package app.bytewise.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Refuses TRACE and every other method the app does not serve with 405 and an {@code Allow} header
 * (RFC 9110 §15.5.6), a problem detail under {@code /api/}. TRACE echoes the request, cookies
 * included, which cross-site tracing abuses (OWASP WSTG-CONF-06). Tomcat already refuses it, but its
 * 405 was forwarded to the error page, which the UI's security chain turned into a redirect to the
 * sign-in page; this filter runs first on the request and on that error dispatch, so the 405 stands.
 */
final class MethodGuardFilter extends HttpFilter {

    /** Spring Security's firewall allows the same set (StrictHttpFirewall's defaults). */
    static final Set<String> SERVED = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");
    static final String ALLOW = "GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // On an error dispatch the method reads as GET (Servlet 6.1); the refused one is in an attribute.
        String method = request.getAttribute(RequestDispatcher.ERROR_METHOD) instanceof String refused ? refused
                : request.getMethod();
        if (SERVED.contains(method)) {
            chain.doFilter(request, response);
            return;
        }
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = original instanceof String uri ? uri : request.getRequestURI();
        response.resetBuffer();
        response.setHeader("Allow", ALLOW);
        if (path != null && path.startsWith("/api/")) {
            ProblemJson.write(response, HttpStatus.METHOD_NOT_ALLOWED, "This method is not supported.");
        } else {
            response.setStatus(HttpStatus.METHOD_NOT_ALLOWED.value());
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("Method Not Allowed");
        }
    }
}
