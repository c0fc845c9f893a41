package app.bytewise.engine.checkpoint;

import static app.bytewise.engine.checkpoint.GgufBytes.ARRAY;
import static app.bytewise.engine.checkpoint.GgufBytes.UINT8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.bytewise.engine.InvalidInputException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Reading an 8 MiB upload allocates a bounded multiple of it, whatever the bytes claim: the
 * readers hold only what they keep (names, shapes, small values) and never size a buffer from a
 * count in the file. Measured with the JVM's per-thread allocation counter; at the time of
 * writing an 8 MB safetensors header allocated about 8× its size and 8 MB of GGUF tensor infos 6×.
 */
class BoundedAllocationTest {

    private static final int PREFIX = 8 << 20;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void skippingA150kTokenVocabularyAllocatesAlmostNothing() {
        GgufBytes file = GgufBytes.header(3, 0, 1);
        file.kvArray("tokenizer.ggml.tokens", GgufBytes.STRING, 150_000, w -> {
            for (int i = 0; i < 150_000; i++) {
                w.str("x".repeat(40));
            }
        });
        byte[] bytes = file.bytes();
        long allocated = allocatedBy(() -> GgufHeader.read(bytes, "file"));
        assertThat(allocated).as("bytes allocated").isLessThan(1 << 20);
    }

    @Test
    void eightMegabytesOfTensorInfosStayWithinABoundedMultiple() {
        GgufBytes file = GgufBytes.header(3, 150_000, 0);
        for (int i = 0; file.size() < PREFIX; i++) {
            file.tensor("blk." + i + ".ffn_down.weight", 0, 0, 4096, 11008);
        }
        byte[] prefix = Arrays.copyOf(file.bytes(), PREFIX);
        long allocated = allocatedBy(() -> catchThrowable(() -> GgufHeader.read(prefix, "file")));
        assertThat(allocated).as("bytes allocated").isLessThan(16L * PREFIX);
    }

    @Test
    void nestedSmallArraysCannotMultiplyWhatIsKept() {
        GgufBytes file = GgufBytes.header(3, 0, 1);
        file.kvArray("nested", ARRAY, 1024, w -> {
            for (int i = 0; i < 1024; i++) {
                w.u32(ARRAY).u64(1024);
                for (int j = 0; j < 1024; j++) {
                    w.u32(UINT8).u64(4);
                    w.raw(1, 2, 3, 4);
                }
            }
        });
        byte[] bytes = Arrays.copyOf(file.bytes(), Math.min(file.size(), PREFIX));
        long allocated = allocatedBy(() -> catchThrowable(() -> GgufHeader.read(bytes, "file")));
        assertThat(allocated).as("bytes allocated").isLessThan(2L * PREFIX);
    }

    @Test
    void randomBytesAfterAValidStartFailCleanly() {
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            byte[] prefix = new byte[1 << 16];
            random.nextBytes(prefix);
            byte[] gguf = GgufBytes.header(3, random.nextInt(1000), random.nextInt(1000)).bytes();
            System.arraycopy(gguf, 0, prefix, 0, gguf.length);
            Throwable thrown = catchThrowable(() -> GgufHeader.read(prefix, "file"));
            assertThat(thrown).isInstanceOf(InvalidInputException.class);
            Throwable safetensors = catchThrowable(() -> SafetensorsHeader.read(prefix, "file"));
            assertThat(safetensors).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void anEightMegabyteSafetensorsHeaderStaysWithinABoundedMultiple() {
        StringBuilder json = new StringBuilder("{");
        long offset = 0;
        for (int i = 0; json.length() < PREFIX - 200; i++) {
            json.append(i == 0 ? "" : ",").append("\"model.layers.").append(i).append(".mlp.down_proj.weight\":")
                    .append("{\"dtype\":\"BF16\",\"shape\":[4096,14336],\"data_offsets\":[").append(offset)
                    .append(',').append(offset + 4096L * 14336 * 2).append("]}");
            offset += 4096L * 14336 * 2;
        }
        byte[] bytes = SafetensorsBytes.file(json.append('}').toString());
        long allocated = allocatedBy(() -> SafetensorsHeader.read(bytes, "file"));
        assertThat(allocated).as("bytes allocated").isLessThan(16L * PREFIX);
    }

    private static long allocatedBy(Supplier<?> work) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        work.get();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
