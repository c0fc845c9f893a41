package app.bytewise.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints where the app is and, when demo accounts are on, how to sign in. */
@Component
class StartupMessage {

    private static final Logger log = LoggerFactory.getLogger(StartupMessage.class);

    private final Environment environment;

    StartupMessage(Environment environment) {
        this.environment = environment;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        String url = "http://localhost:" + web.getWebServer().getPort() + contextPath + "/";
        StringBuilder message = new StringBuilder("\n\n  Bytewise is running at ").append(url).append('\n');
        if (environment.getProperty("bytewise.demo.enabled", Boolean.class, false)) {
            message.append("  Demo logins:  ").append(DemoAccounts.CANDIDATE).append(" / ")
                    .append(DemoAccounts.CANDIDATE_PASSWORD).append("   (candidate)\n")
                    .append("                ").append(DemoAccounts.INSTRUCTOR).append(" / ")
                    .append(DemoAccounts.INSTRUCTOR_PASSWORD).append("  (instructor)\n")
                    .append("                ").append(DemoAccounts.ADMINISTRATOR).append(" / ")
                    .append(DemoAccounts.ADMINISTRATOR_PASSWORD).append("            (administrator)\n");
        }
        log.info(message.toString());
    }
}
