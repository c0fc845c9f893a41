package app.bytewise.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Round-robin by key: a key that queues many items delays the others by one item per turn. */
class FairQueueTest {

    private final FairQueue<String, String> queue = new FairQueue<>();

    private List<String> drain() throws InterruptedException {
        List<String> order = new ArrayList<>();
        while (queue.size() > 0) {
            order.add(queue.take());
        }
        return order;
    }

    @Test
    void keysTakeTurnsAndEachKeyIsFirstInFirstOut() throws InterruptedException {
        queue.put("tabs", "a1");
        queue.put("tabs", "a2");
        queue.put("tabs", "a3");
        queue.put("other", "b1");
        queue.put("third", "c1");
        queue.put("other", "b2");
        assertThat(drain()).containsExactly("a1", "b1", "c1", "a2", "b2", "a3");
    }

    /** The position shown to a user is exactly how many items are taken before theirs. */
    @Test
    void aheadCountsWhatWillBeTakenFirst() throws InterruptedException {
        queue.put("tabs", "a1");
        queue.put("tabs", "a2");
        queue.put("tabs", "a3");
        queue.put("other", "b1");
        queue.put("third", "c1");
        queue.put("other", "b2");
        assertThat(List.of("a1", "b1", "c1", "a2", "b2", "a3")).extracting(queue::ahead).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(queue.ahead("nowhere")).isEqualTo(-1);

        queue.take(); // a1: "tabs" goes to the back of the turn order
        assertThat(queue.ahead("b1")).isZero();
        assertThat(queue.ahead("a3")).isEqualTo(4);
        // A newcomer waits one turn behind the keys already waiting, not behind all of their items.
        queue.put("newcomer", "d1");
        assertThat(queue.ahead("d1")).isEqualTo(3);
        assertThat(drain()).containsExactly("b1", "c1", "a2", "d1", "b2", "a3");
    }

    /** An item put back after its turn (the next step of a run) goes behind the other keys' items. */
    @Test
    void anItemPutBackWaitsForTheOthers() throws InterruptedException {
        queue.put("big", "step");
        queue.put("small", "tiny");
        assertThat(queue.take()).isEqualTo("step");
        queue.put("big", "step");
        assertThat(queue.take()).isEqualTo("tiny");
        assertThat(queue.take()).isEqualTo("step");
    }

    @Test
    void removedItemsAreSkippedAndTheirPlacesClosed() throws InterruptedException {
        queue.put("a", "a1");
        queue.put("b", "b1");
        queue.put("a", "a2");
        assertThat(queue.remove("b1")).isTrue();
        assertThat(queue.remove("b1")).isFalse();
        assertThat(queue.ahead("a2")).isEqualTo(1);
        assertThat(drain()).containsExactly("a1", "a2");
    }

    @Test
    void takeWaitsForAnItem() throws Exception {
        CompletableFuture<String> taken = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertThat(taken).isNotDone();
        queue.put("a", "late");
        assertThat(taken.get(10, TimeUnit.SECONDS)).isEqualTo("late");
    }
}
