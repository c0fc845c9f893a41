package app.bytewise.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A problem detail (RFC 9457) written by hand, for the places where no message converter runs:
 * security entry points, servlet filters and the container's error report.
 */
public final class ProblemJson {

    private ProblemJson() {
    }

    /** {@code detail} is a fixed text from this code base, never user input, so it needs no escaping. */
    public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(status.value(), status.getReasonPhrase(), detail));
    }

    /** The JSON itself; {@code title} and {@code detail} are fixed texts, never user input. */
    public static String body(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail + "\"}";
    }
}
