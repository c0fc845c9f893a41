package app.bytewise.ui.lab;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The threads lab runs use, kept off the request threads so the page never freezes, and shared
 * fairly: a run is a sequence of steps (one format or method each), and after every step its
 * worker takes the next step from a {@link FairQueue} served round-robin by client address. So a
 * client who queues runs from many tabs or sessions delays someone else's run by at most one step
 * per turn, not by whole runs. Each browser session may have one run queued or running at a time.
 * There are as many workers as the machine has cores: a lab run is pure computation, and more
 * threads than cores would only make every run slower.
 */
@Component
public class LabWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(LabWorkers.class);

    private final FairQueue<String, Ticket> queue = new FairQueue<>();
    private final Set<Object> busySessions = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads;

    public LabWorkers() {
        this(Runtime.getRuntime().availableProcessors());
    }

    LabWorkers(int threadCount) {
        threads = IntStream.range(0, threadCount)
                .mapToObj(i -> Thread.ofPlatform().name("lab-worker-" + i).daemon(true).start(this::work))
                .toList();
    }

    /**
     * Queues a run for {@code session}, or returns empty when that session already has one queued or
     * running.
     *
     * @param client whose turn this run takes: the client's address
     * @param step runs the next step; false when nothing is left (done or cancelled)
     * @param finished called once when the run is over: done, cancelled, or withdrawn before it ran
     */
    Optional<Ticket> submit(Object session, String client, BooleanSupplier step, Runnable finished) {
        if (!busySessions.add(session)) {
            return Optional.empty();
        }
        Ticket ticket = new Ticket(session, client, step, finished);
        queue.put(client, ticket);
        return Optional.of(ticket);
    }

    int threadCount() {
        return threads.size();
    }

    @PreDestroy
    void shutdown() {
        threads.forEach(Thread::interrupt);
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            Ticket ticket;
            try {
                ticket = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            ticket.started = true;
            boolean more = false;
            try {
                more = ticket.step.getAsBoolean();
            } catch (RuntimeException e) {
                LOG.error("A lab run failed", e);
            } finally {
                if (more) {
                    queue.put(ticket.client, ticket); // back of the line: the other clients' turns come first
                } else {
                    ticket.finish();
                }
            }
        }
    }

    /** A submitted run: where it stands in the queue, and how to withdraw it. */
    final class Ticket {
        private final Object session;
        private final String client;
        private final BooleanSupplier step;
        private final Runnable finished;
        private final AtomicBoolean over = new AtomicBoolean();
        private volatile boolean started;

        private Ticket(Object session, String client, BooleanSupplier step, Runnable finished) {
            this.session = session;
            this.client = client;
            this.step = step;
            this.finished = finished;
        }

        /** Whether a worker has taken up the run. */
        boolean started() {
            return started;
        }

        /** Runs that will start or continue before this one does, while it has not started; -1 after. */
        int ahead() {
            return started ? -1 : queue.ahead(this);
        }

        /**
         * Takes the run out of the queue if it is waiting there, and then ends it at once; a step under
         * way is left to finish (the caller cancels the job so that it stops soon).
         */
        void withdraw() {
            if (queue.remove(this)) {
                finish();
            }
        }

        private void finish() {
            if (over.compareAndSet(false, true)) {
                busySessions.remove(session);
                try {
                    finished.run();
                } catch (RuntimeException e) {
                    LOG.warn("A lab run's completion could not be delivered", e);
                }
            }
        }
    }
}
