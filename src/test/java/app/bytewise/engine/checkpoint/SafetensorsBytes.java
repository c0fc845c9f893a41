package app.bytewise.engine.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes safetensors files by the README's "Format": 8 bytes little-endian u64 N, N bytes of
 * JSON, then the data. The JSON is what the test writes by hand, so offsets are the test's own
 * figures, not computed here.
 */
final class SafetensorsBytes {

    private SafetensorsBytes() {
    }

    static byte[] file(String json) {
        return file(json, 0);
    }

    static byte[] file(String json, int dataBytes) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(header.length).put(header).array();
    }

    /** Only the 8-byte length, claiming {@code length}, then {@code filler} bytes of '{'. */
    static byte[] claiming(long length, int filler) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + filler).order(ByteOrder.LITTLE_ENDIAN).putLong(length);
        while (buffer.hasRemaining()) {
            buffer.put((byte) '{');
        }
        return buffer.array();
    }
}
