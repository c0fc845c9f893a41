package app.bytewise.ui.lab;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Component;

/**
 * The threads lab runs use, kept off the request threads so the page never freezes. The pool is
 * as large as the machine has cores: a lab run is pure computation, and more threads than cores
 * would only make every run slower.
 */
@Component
public class LabWorkers {

    private final ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
            Thread.ofPlatform().name("lab-worker-", 0).daemon(true).factory());

    Future<?> submit(Runnable task) {
        return pool.submit(task);
    }

    @PreDestroy
    void shutdown() {
        pool.shutdownNow();
    }
}
