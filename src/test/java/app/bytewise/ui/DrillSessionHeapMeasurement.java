package app.bytewise.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Heap held per open drill page: opens many drill sessions (each answers one question), keeps them
 * all reachable, and compares the used heap after full collections before and after. A measurement,
 * not a test: its name keeps it out of {@code mvn test}; run it with
 * {@code ./mvnw -o test -Dtest=DrillSessionHeapMeasurement -Dsurefire.failIfNoSpecifiedTests=false}.
 * Karibu sessions hold the full server-side component tree and Vaadin session state of a real tab,
 * but not the servlet container's HTTP session bookkeeping (a few hundred bytes).
 */
class DrillSessionHeapMeasurement extends KaribuTestBase {

    private static final int SESSIONS = Integer.getInteger("sessions", 200);

    @Test
    void heapPerDrillSession() {
        openDrill(); // warm up: classes loaded, caches filled
        List<Object> kept = new ArrayList<>();
        long before = usedHeapAfterGc();
        for (int i = 0; i < SESSIONS; i++) {
            openDrill();
            kept.add(UI.getCurrent());
            kept.add(VaadinSession.getCurrent());
        }
        long after = usedHeapAfterGc();
        long perSession = (after - before) / SESSIONS;
        System.out.printf("Drill sessions: %d, heap before %,d B, after %,d B: %,d bytes (%.1f KiB) per session%n",
                SESSIONS, before, after, perSession, perSession / 1024.0);
        assertThat(kept).hasSize(2 * SESSIONS);
    }

    private void openDrill() {
        openAnonymously();
        UI.getCurrent().navigate("drill", QueryParameters.of("topic", "kv-cache"));
        // Answer once, so the session also holds a graded result, as a real drill tab soon does.
        _find(Button.class).stream().filter(b -> b.getText() != null && !b.getText().isBlank()).findFirst()
                .ifPresent(b -> {
                    if (b.isEnabled() && b.isVisible()) {
                        _click(b);
                    }
                });
    }

    private static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
