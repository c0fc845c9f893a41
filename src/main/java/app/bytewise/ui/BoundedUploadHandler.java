package app.bytewise.ui;

import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Takes an uploaded file into memory, but never more than {@code maxBytes} of it. Vaadin's
 * {@code UploadHandler.inMemory} reads the whole body whatever its size, and the {@code Upload}
 * component's {@code maxFileSize} is checked only in the browser, so a hand-made POST to the upload
 * URL could make the server hold gigabytes. Here a declared size over the limit is refused before a
 * byte is read, and an undeclared (chunked) body is read to at most one byte past the limit, then
 * refused; the rest is left to the container to discard. The multipart path is bounded as well
 * ({@link #getFileSizeMax()}, and {@link UploadLimitsConfig} for the servlet's own parsing).
 */
public final class BoundedUploadHandler implements UploadHandler {

    /** Room for a multipart body's boundaries and part headers around the file. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final int maxBytes;
    private final SerializableBiConsumer<String, byte[]> onFile;
    private final SerializableBiConsumer<String, String> onRefused;

    /**
     * @param onFile called in the UI with the file name and its bytes
     * @param onRefused called in the UI with the file name and why it was refused
     */
    public BoundedUploadHandler(int maxBytes, SerializableBiConsumer<String, byte[]> onFile,
            SerializableBiConsumer<String, String> onRefused) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.onFile = onFile;
        this.onRefused = onRefused;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String name = event.getFileName();
        if (event.getFileSize() > maxBytes) {
            refuse(event, name);
            return;
        }
        Optional<byte[]> bytes;
        try (InputStream in = event.getInputStream()) {
            bytes = readAtMost(in, maxBytes);
        }
        if (bytes.isEmpty()) {
            refuse(event, name);
            return;
        }
        byte[] data = bytes.get();
        event.getUI().access(() -> onFile.accept(name, data));
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getRequestSizeMax() {
        return maxBytes + MULTIPART_OVERHEAD;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }

    /** "larger than 16 MiB": the limit in whole MiB, or KiB below one MiB. */
    public String refusal() {
        long mib = 1024 * 1024;
        String limit = maxBytes >= mib ? maxBytes / mib + " MiB" : Math.max(1, maxBytes / 1024) + " KiB";
        return "The file is larger than " + limit + ", the most this page accepts.";
    }

    /**
     * The whole stream if it holds at most {@code max} bytes, else empty; reads at most
     * {@code max + 1} bytes either way, so memory stays bounded whatever the sender does.
     */
    static Optional<byte[]> readAtMost(InputStream in, int max) throws IOException {
        byte[] data = in.readNBytes(max);
        if (data.length == max && in.read() >= 0) {
            return Optional.empty();
        }
        return Optional.of(data);
    }

    private void refuse(UploadEvent event, String name) {
        String message = refusal();
        event.reject(message);
        event.getUI().access(() -> onRefused.accept(name, message));
    }
}
