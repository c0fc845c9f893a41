package app.bytewise.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lab's workers without a page: turns between clients after every step, one run per session. */
class LabWorkersTest {

    private final LabWorkers workers = new LabWorkers(1);
    private final List<String> steps = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        workers.shutdown();
    }

    /** A run of {@code count} steps named {@code name}1, {@code name}2, …; the first waits for {@code gate}. */
    private BooleanSupplier steps(String name, int count, CountDownLatch gate) {
        AtomicInteger done = new AtomicInteger();
        return () -> {
            if (done.get() == 0) {
                await(gate);
            }
            steps.add(name + done.incrementAndGet());
            return done.get() < count;
        };
    }

    /**
     * Three sessions of one client (three anonymous tabs) queue 3-step runs while the only worker is
     * busy; another client's 1-step run then waits for one step of theirs, not for all nine.
     */
    @Test
    void anotherClientsRunGoesBetweenTheStepsOfRunsAlreadyQueued() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch over = new CountDownLatch(5);
        LabWorkers.Ticket busy = workers.submit("busy", "192.0.2.1", steps("x", 1, gate), over::countDown).orElseThrow();
        for (int i = 0; i < 1000 && !busy.started(); i++) {
            Thread.sleep(10);
        }
        assertThat(busy.started()).isTrue();
        String tabs = "203.0.113.5";
        CountDownLatch open = new CountDownLatch(0);
        LabWorkers.Ticket a = workers.submit("tab session 1", tabs, steps("a", 3, open), over::countDown).orElseThrow();
        LabWorkers.Ticket b = workers.submit("tab session 2", tabs, steps("b", 3, open), over::countDown).orElseThrow();
        LabWorkers.Ticket c = workers.submit("tab session 3", tabs, steps("c", 3, open), over::countDown).orElseThrow();
        LabWorkers.Ticket small = workers.submit("someone else", "198.51.100.7", steps("s", 1, open), over::countDown)
                .orElseThrow();
        assertThat(List.of(a, small, b, c)).extracting(LabWorkers.Ticket::ahead).containsExactly(0, 1, 2, 3);
        gate.countDown();
        assertThat(over.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(steps).containsExactly("x1", "a1", "s1", "b1", "c1", "a2", "b2", "c2", "a3", "b3", "c3");
        assertThat(small.ahead()).isEqualTo(-1);
    }

    @Test
    void aSessionHasOneRunAtATimeAndGetsItsTurnBackWhenItIsOver() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch over = new CountDownLatch(1);
        workers.submit("session", "192.0.2.1", steps("a", 1, gate), over::countDown).orElseThrow();
        assertThat(workers.submit("session", "192.0.2.1", () -> false, () -> { })).isEmpty();
        gate.countDown();
        assertThat(over.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(workers.submit("session", "192.0.2.1", () -> false, () -> { })).isPresent();
    }

    @Test
    void aWithdrawnRunEndsAtOnceAndNeverRuns() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch blockerOver = new CountDownLatch(1);
        LabWorkers.Ticket blocker = workers.submit("blocker", "192.0.2.1", steps("a", 1, gate), blockerOver::countDown)
                .orElseThrow();
        for (int i = 0; i < 1000 && !blocker.started(); i++) {
            Thread.sleep(10);
        }
        AtomicInteger finished = new AtomicInteger();
        LabWorkers.Ticket waiting = workers.submit("session", "192.0.2.2", steps("w", 1, new CountDownLatch(0)),
                finished::incrementAndGet).orElseThrow();
        waiting.withdraw();
        waiting.withdraw();
        assertThat(finished).hasValue(1);
        assertThat(waiting.ahead()).isEqualTo(-1);
        assertThat(workers.submit("session", "192.0.2.2", () -> false, () -> { })).isPresent();
        gate.countDown();
        assertThat(blockerOver.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(steps).doesNotContain("w1");
    }

    @Test
    void aFailingStepEndsItsRunAndTheWorkerCarriesOn() throws Exception {
        CountDownLatch over = new CountDownLatch(2);
        workers.submit("broken", "192.0.2.1", () -> {
            throw new IllegalStateException("bug");
        }, over::countDown).orElseThrow();
        workers.submit("fine", "192.0.2.2", steps("f", 2, new CountDownLatch(0)), over::countDown).orElseThrow();
        assertThat(over.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(steps).containsExactly("f1", "f2");
    }

    private static void await(CountDownLatch gate) {
        try {
            assertThat(gate.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
