package app.bytewise.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The answer to an API request without valid credentials: 401 with a challenge for each scheme the
 * API accepts (RFC 9110 §11.6.1 requires at least one; RFC 7617 for Basic, RFC 6750 §3 for Bearer),
 * one {@code WWW-Authenticate} header each, and a problem detail.
 */
public final class ApiChallenge {

    public static final String BASIC = "Basic realm=\"Bytewise\", charset=\"UTF-8\"";
    public static final String BEARER = "Bearer realm=\"Bytewise\"";
    /** RFC 6750 §3.1: a token that is unknown, revoked or malformed. */
    static final String BEARER_INVALID = BEARER + ", error=\"invalid_token\"";

    private ApiChallenge() {
    }

    /** The challenges for a request that brought no credentials, or wrong ones. */
    public static List<String> challenges() {
        return List.of(BASIC, BEARER);
    }

    static void unauthorized(HttpServletResponse response, String bearerChallenge) throws IOException {
        response.addHeader("WWW-Authenticate", BASIC);
        response.addHeader("WWW-Authenticate", bearerChallenge);
        ProblemJson.write(response, HttpStatus.UNAUTHORIZED, "Sign-in required.");
    }
}
