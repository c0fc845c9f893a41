package app.bytewise.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The throttle's rules (every test of {@link LoginThrottleTest}) on the shared {@code login_throttle}
 * table, and what only a shared table gives: two nodes enforce one limit, and failures racing on a
 * new key are all counted.
 */
@SpringBootTest
@ActiveProfiles("test")
class LoginThrottleOnDatabaseTest extends LoginThrottleTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    @BeforeEach
    void onTheDatabase() {
        jdbc.update("DELETE FROM login_throttle");
        throttle = node();
    }

    /** Another app node: its own throttle and store, the same database. */
    private LoginThrottle node() {
        return new LoginThrottle(SETTINGS, clock, store());
    }

    private DatabaseThrottleStore store() {
        return new DatabaseThrottleStore(jdbc, new TransactionTemplate(transactions), SETTINGS.window());
    }

    @Test
    void failuresOnTwoNodesAddUpAndTheLockoutHoldsOnBoth() {
        LoginThrottle a = node();
        LoginThrottle b = node();
        for (int i = 0; i < 3; i++) {
            a.recordFailure("ada", "10.0.0.1");
        }
        b.recordFailure("ada", "10.0.0.1");
        assertThat(a.isBlocked("ada", "10.0.0.1")).isFalse();
        b.recordFailure("ada", "10.0.0.1");
        assertThat(a.isBlocked("ada", "10.0.0.1")).isTrue();
        assertThat(b.isBlocked("ada", "10.0.0.1")).isTrue();
        a.recordSuccess("ada", "10.0.0.2"); // a success from elsewhere lifts nothing here
        assertThat(b.isBlocked("ada", "10.0.0.1")).isTrue();
    }

    @Test
    void failuresRacingOnANewKeyAreEachCounted() throws Exception {
        int racers = 10;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<?>> done = IntStream.range(0, racers).<Future<?>>mapToObj(i -> pool.submit(() -> {
                LoginThrottle ownNode = node();
                start.await();
                ownNode.recordFailure("racer" + i, "10.0.0.99"); // distinct accounts, one new address key
                return null;
            })).toList();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // The address limit is 20: ten counted by the race, nine more stay below it, the twentieth locks.
        for (int i = 0; i < 9; i++) {
            throttle.recordFailure("after" + i, "10.0.0.99");
        }
        assertThat(throttle.isBlocked("someone", "10.0.0.99")).isFalse();
        throttle.recordFailure("after9", "10.0.0.99");
        assertThat(throttle.isBlocked("someone", "10.0.0.99")).isTrue();
    }

    @Test
    void keysAreStoredAsHashesAndExpiredRowsAreSweptOut() {
        throttle.recordFailure("Password typed as a name", "10.0.0.5");
        List<String> keys = jdbc.queryForList("SELECT throttle_key FROM login_throttle", String.class);
        assertThat(keys).hasSize(2).allMatch(k -> k.matches("[0-9a-f]{64}"));

        clock.advance(Duration.ofMinutes(1).plusSeconds(1)); // past the window, no lockout
        throttle.recordFailure("grace", "10.0.0.6"); // a new key sweeps the expired ones
        assertThat(store().size()).isEqualTo(2);
    }
}
