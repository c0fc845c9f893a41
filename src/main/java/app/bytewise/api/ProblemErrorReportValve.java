package app.bytewise.api;

import app.bytewise.security.ProblemJson;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's error page for requests it refuses before the application sees them (a URL with an
 * encoded NUL, slash or backslash, say). For {@code /api/} paths it writes a problem detail, so API
 * clients get one error format whatever layer refused them; other paths get Tomcat's page, without
 * server details or stack traces.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        String uri = request.getCoyoteRequest().requestURI().toString();
        if (status < 400 || uri == null || !uri.startsWith("/api/")) {
            super.report(request, response, throwable);
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemJson.body(status, title, "The request was refused before it reached the API."));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the response was already written: nothing more to send.
        }
    }
}
