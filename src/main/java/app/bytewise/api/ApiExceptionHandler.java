package app.bytewise.api;

import app.bytewise.classroom.BlankAnswersException;
import app.bytewise.classroom.ClassroomException;
import app.bytewise.classroom.InvalidAnswersException;
import app.bytewise.classroom.Unanswered;
import app.bytewise.engine.InvalidInputException;
import app.bytewise.failure.DatabaseUnavailable;
import app.bytewise.security.ApiChallenge;
import app.bytewise.security.InvalidFieldException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Every API error is an RFC 9457 problem detail ({@code application/problem+json}). Bad input is a
 * 400 whose {@code field} property names the JSON path at fault; Spring MVC's own exceptions
 * (unknown path, bad method) go through the base class; anything unexpected is a 500 with no
 * internals in the body.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return badRequest(e.field(), e.getMessage());
    }

    /** Text with a character no field accepts (a NUL, say). */
    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException e) {
        return badRequest(e.field(), e.getMessage());
    }

    /** Someone else's class, assignment or result, or another role's action. */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, ApiChallenge.challenges().toArray(String[]::new))
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Sign-in required."));
    }

    /** Answers that do not fit the paper: the request is malformed, whatever the assignment's state. */
    @ExceptionHandler(InvalidAnswersException.class)
    ProblemDetail invalidAnswers(InvalidAnswersException e) {
        return badRequest(e.field(), e.getMessage());
    }

    /**
     * Blank answers not confirmed: the request is well formed but would use up an attempt on
     * unanswered questions, so nothing is saved until it is sent again with {@code confirmBlank}.
     */
    @ExceptionHandler(BlankAnswersException.class)
    ProblemDetail blankAnswers(BlankAnswersException e) {
        Unanswered unanswered = e.unanswered();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                unanswered.summary() + " (" + unanswered.listed() + "). Nothing was saved; send \"confirmBlank\": true "
                        + "to submit them blank.");
        problem.setTitle("Unanswered questions");
        problem.setProperty("field", e.field());
        problem.setProperty("unansweredSlots", unanswered.slots());
        return problem;
    }

    /** A classroom rule refused the request in the current state (attempt already submitted, window closed, ...). */
    @ExceptionHandler(ClassroomException.class)
    ProblemDetail refused(ClassroomException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    /** The database could not be used: nothing was written, and the same request may simply be sent again. */
    static ResponseEntity<ProblemDetail> databaseUnavailable(Throwable e) {
        log.warn("Database unavailable: {}", e.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                DatabaseUnavailable.DETAIL);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this address; retry after " + e.retryAfterSeconds() + " s.");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem);
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e) {
        if (causedBy(e, BodyTooLargeException.class) instanceof BodyTooLargeException tooLarge) {
            return tooLarge(tooLarge);
        }
        if (DatabaseUnavailable.causes(e)) {
            return databaseUnavailable(e);
        }
        log.error("Unhandled API error", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The server could not complete the request.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (causedBy(e, BodyTooLargeException.class) instanceof BodyTooLargeException tooLarge) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
        }
        if (causedBy(e, StreamConstraintsException.class) != null) {
            return ResponseEntity.badRequest().body(badRequest("body",
                    "The JSON is nested too deeply or holds a number or string too long for this API."));
        }
        String field = "body";
        String detail = "The request body is not valid JSON for this endpoint.";
        if (e.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            field = path(json.getPath());
            detail = json.getClass().getSimpleName().startsWith("UnrecognizedProperty")
                    ? "Unknown field '" + field + "'."
                    : "The value of '" + field + "' has the wrong type or format.";
        }
        return ResponseEntity.badRequest().body(badRequest(field, detail));
    }

    private static ProblemDetail tooLarge(BodyTooLargeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body exceeds " + e.limit() + " bytes.");
    }

    private static Throwable causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static ProblemDetail badRequest(String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid input");
        problem.setProperty("field", field);
        return problem;
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : references) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
