package app.bytewise;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A database outage on demand: while {@link #begin() begun}, asking the pool for a connection fails
 * the way Hikari fails when none comes within its timeout ({@link SQLTransientConnectionException},
 * "Connection is not available, request timed out"). Import it into a test's context; the app's
 * own code sees its usual DataSource. (Hikari's own pool suspension is no use here: a suspended
 * pool blocks callers indefinitely instead of timing them out.)
 */
@TestConfiguration(proxyBeanMethods = false)
public class DatabaseOutage {

    private final AtomicBoolean down = new AtomicBoolean();

    public void begin() {
        down.set(true);
    }

    public void end() {
        down.set(false);
    }

    @Bean
    static BeanPostProcessor outageSwitch(ObjectProvider<DatabaseOutage> outage) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource target && !(bean instanceof Switchable)) {
                    return new Switchable(target, outage);
                }
                return bean;
            }
        };
    }

    private static final class Switchable extends DelegatingDataSource {
        private final ObjectProvider<DatabaseOutage> outage;

        Switchable(DataSource target, ObjectProvider<DatabaseOutage> outage) {
            super(target);
            this.outage = outage;
        }

        @Override
        public Connection getConnection() throws SQLException {
            failIfDown();
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            failIfDown();
            return super.getConnection(username, password);
        }

        private void failIfDown() throws SQLTransientConnectionException {
            if (outage.getObject().down.get()) {
                throw new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request "
                        + "timed out after 250ms (total=0, active=0, idle=0, waiting=0)");
            }
        }
    }
}
