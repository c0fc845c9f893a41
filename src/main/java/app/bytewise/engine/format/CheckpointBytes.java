package app.bytewise.engine.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A checkpoint's size as its files store it: bytes, and elements per safetensors dtype
 * ({@code F8_E4M3}, {@code BF16}, {@code F32}, {@code U8}, {@code I32}, …), U8 counted per byte.
 * Plain values, to serialize as they are.
 *
 * @param fp4PackedBytes of the U8 elements, the MXFP4 {@code _blocks} bytes that each pack two FP4
 *     codes (openai/gpt-oss README, "Precision format"); 0 for other schemes
 */
public record CheckpointBytes(long bytes, Map<String, Long> elementsByDtype, long fp4PackedBytes) {

    public CheckpointBytes {
        elementsByDtype = Collections.unmodifiableMap(new LinkedHashMap<>(elementsByDtype));
    }

    /** Stored elements of every dtype, as a safetensors header's shapes multiply out. */
    public long elements() {
        long sum = 0;
        for (long n : elementsByDtype.values()) {
            sum = Math.addExact(sum, n);
        }
        return sum;
    }

    /**
     * The total the Hugging Face Hub reports as a repository's safetensors "parameters": every
     * stored element, but each FP4-packing byte counted as its two codes. That reading reproduces
     * the Hub's figures for gpt-oss-20b (21,511,953,984) and gpt-oss-120b (120,412,337,472) exactly,
     * where counting U8 per byte gives 11,956,805,184 and 63,081,444,672; for the other schemes it is
     * {@link #elements()}.
     */
    public long hubElements() {
        return Math.addExact(elements(), fp4PackedBytes);
    }

    /** Sums stored tensors, each {@code copies} times. */
    static final class Sum {
        private final Map<String, Long> elements = new LinkedHashMap<>();
        private long bytes;
        private long fp4;

        void add(StoredTensor t, long copies) {
            long n = Math.multiplyExact(t.elements(), copies);
            elements.merge(t.dtype().name(), n, Math::addExact);
            bytes = Math.addExact(bytes, Math.multiplyExact(t.bytes(), copies));
            if (t.fp4Codes()) {
                fp4 = Math.addExact(fp4, n);
            }
        }

        CheckpointBytes result() {
            return new CheckpointBytes(bytes, elements, fp4);
        }
    }
}
