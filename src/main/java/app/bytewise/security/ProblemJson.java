package app.bytewise.security;

import app.bytewise.failure.DatabaseUnavailable;
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

    /** 503 with {@code Retry-After}: the database could not be used, nothing was saved. */
    public static void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        write(response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.DETAIL);
    }

    /** The JSON itself; {@code title} and {@code detail} are fixed texts, never user input. */
    public static String body(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail + "\"}";
    }
}
