package app.bytewise;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables {@link OnPostgres} tests when a PostgreSQL URL is configured. A developer without one just
 * skips them; CI must run them, so there a missing URL fails instead (as a missing browser does).
 */
public final class PostgresAvailable implements ExecutionCondition {

    public static final String URL_VARIABLE = "BYTEWISE_TEST_POSTGRES_URL";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (url() != null) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + url());
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the PostgreSQL tests, but " + URL_VARIABLE + " is not set "
                    + "(scripts/pg-local.sh start prints it)");
        }
        return ConditionEvaluationResult.disabled(URL_VARIABLE + " is not set; see README, PostgreSQL and several nodes");
    }

    /** The configured JDBC URL, or null. */
    public static String url() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? null : url;
    }

    public static String user() {
        return System.getenv().getOrDefault("BYTEWISE_TEST_POSTGRES_USER", "bytewise");
    }

    public static String password() {
        return System.getenv().getOrDefault("BYTEWISE_TEST_POSTGRES_PASSWORD", "");
    }
}
