package app.bytewise.api;

import app.bytewise.security.ProblemJson;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.apache.catalina.Container;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Problem details for API requests refused below Spring MVC: by Tomcat (malformed URLs) and by
 * Spring Security's firewall (encoded line breaks or percent signs, OWASP-recommended rejections
 * that otherwise end in a redirect to the sign-in page through the error dispatch).
 */
@Configuration
class ContainerErrorsConfig {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        return new OrderedCustomizer() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    Container host = context.getParent();
                    // Replace Spring Boot's plain ErrorReportValve: Tomcat uses the host's first one.
                    Arrays.stream(host.getPipeline().getValves()).filter(ErrorReportValve.class::isInstance)
                            .forEach(host.getPipeline()::removeValve);
                    host.getPipeline().addValve(new ProblemErrorReportValve());
                    if (host instanceof StandardHost standard) { // or the host adds a default one at start
                        standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    }
                });
            }

            @Override
            public int getOrder() {
                return Ordered.LOWEST_PRECEDENCE; // after Spring Boot's own customizer added its valve
            }
        };
    }

    private interface OrderedCustomizer extends WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            if (request.getRequestURI() != null && request.getRequestURI().startsWith("/api/")) {
                ProblemJson.write(response, HttpStatus.BAD_REQUEST, "The request URL is not acceptable.");
            } else {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            }
        };
    }
}
