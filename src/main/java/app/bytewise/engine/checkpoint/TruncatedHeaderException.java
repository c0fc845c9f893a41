package app.bytewise.engine.checkpoint;

import app.bytewise.engine.InvalidInputException;
import java.util.Locale;

/**
 * The header goes on past the bytes uploaded. A caller can ask for {@link #bytesNeeded()} bytes
 * (a lower bound when the reader cannot know the exact end) and read again.
 */
public final class TruncatedHeaderException extends InvalidInputException {

    private final long bytesUploaded;
    private final long bytesNeeded;

    TruncatedHeaderException(String field, String message, long bytesUploaded, long bytesNeeded) {
        super(field, message);
        this.bytesUploaded = bytesUploaded;
        this.bytesNeeded = bytesNeeded;
    }

    public long bytesUploaded() {
        return bytesUploaded;
    }

    public long bytesNeeded() {
        return bytesNeeded;
    }

    static String bytes(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** Unsigned, for u64 fields read as longs. */
    static String unsigned(long count) {
        return count >= 0 ? bytes(count) : Long.toUnsignedString(count);
    }

    /**
     * A {@code head -c} size worth asking for: the next power of two in MiB at or above
     * {@code needed}, so users get a round number that is sure to be enough.
     */
    static String headSize(long needed) {
        long mib = 1;
        while (mib * 1024 * 1024 < needed && mib < (1L << 40)) {
            mib *= 2;
        }
        return mib + "M";
    }
}
