package app.bytewise.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.streams.UploadEvent;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The upload handler's bound, on streams far longer than it: reading stops one byte past the limit. */
class BoundedUploadHandlerTest {

    private static final int LIMIT = 1000;

    /** An endless stream of zeros that counts what was taken from it. */
    private static final class CountingStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            read += len;
            return len;
        }
    }

    @Test
    void aStreamLongerThanTheLimitIsReadToOneBytePastItAndRefused() throws Exception {
        CountingStream endless = new CountingStream();
        assertThat(BoundedUploadHandler.readAtMost(endless, LIMIT)).isEmpty();
        assertThat(endless.read).isEqualTo(LIMIT + 1);
    }

    @Test
    void aStreamOfExactlyTheLimitIsTakenWhole() throws Exception {
        assertThat(BoundedUploadHandler.readAtMost(new ByteArrayInputStream(new byte[LIMIT]), LIMIT))
                .hasValueSatisfying(bytes -> assertThat(bytes).hasSize(LIMIT));
        assertThat(BoundedUploadHandler.readAtMost(new ByteArrayInputStream(new byte[] {1, 2}), LIMIT))
                .hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(1, 2));
    }

    /** A chunked POST declares no size: the handler reads limit + 1 bytes, rejects, and never hands data on. */
    @Test
    void anUndeclaredOversizedBodyIsRejectedWithTheLimitInTheMessage() throws Exception {
        CountingStream endless = new CountingStream();
        List<String> refusals = new ArrayList<>();
        List<byte[]> files = new ArrayList<>();
        UploadEvent event = event(-1, endless);
        new BoundedUploadHandler(LIMIT, (name, bytes) -> files.add(bytes), (name, why) -> refusals.add(name + ": " + why))
                .handleUploadRequest(event);
        assertThat(endless.read).isEqualTo(LIMIT + 1);
        assertThat(files).isEmpty();
        assertThat(refusals).containsExactly("big.npy: The file is larger than 1 KiB, the most this page accepts.");
        verify(event).reject("The file is larger than 1 KiB, the most this page accepts.");
    }

    @Test
    void aDeclaredOversizedBodyIsRejectedUnread() throws Exception {
        CountingStream endless = new CountingStream();
        UploadEvent event = event(16L * 1024 * 1024 * 1024, endless);
        List<String> refusals = new ArrayList<>();
        new BoundedUploadHandler(16 * 1024 * 1024 + 256, (name, bytes) -> { }, (name, why) -> refusals.add(why))
                .handleUploadRequest(event);
        assertThat(endless.read).isZero();
        verify(event, never()).getInputStream();
        assertThat(refusals).containsExactly("The file is larger than 16 MiB, the most this page accepts.");
    }

    @Test
    void aFileWithinTheLimitReachesTheUi() throws Exception {
        List<byte[]> files = new ArrayList<>();
        UploadEvent event = event(3, new ByteArrayInputStream(new byte[] {7, 8, 9}));
        new BoundedUploadHandler(LIMIT, (name, bytes) -> files.add(bytes), (name, why) -> { }).handleUploadRequest(event);
        assertThat(files).singleElement().satisfies(bytes -> assertThat(bytes).containsExactly(7, 8, 9));
        verify(event, never()).reject(any());
    }

    @Test
    void theMultipartLimitsAreTheSame() {
        BoundedUploadHandler handler = new BoundedUploadHandler(LIMIT, (name, bytes) -> { }, (name, why) -> { });
        assertThat(handler.getFileSizeMax()).isEqualTo(LIMIT);
        assertThat(handler.getRequestSizeMax()).isEqualTo(LIMIT + BoundedUploadHandler.MULTIPART_OVERHEAD);
        assertThat(handler.getFileCountMax()).isEqualTo(1);
    }

    /** An upload event whose UI runs access() commands at once. */
    private static UploadEvent event(long declaredSize, InputStream body) {
        UploadEvent event = mock(UploadEvent.class);
        UI ui = mock(UI.class);
        doAnswer(call -> {
            ((Command) call.getArgument(0)).execute();
            return null;
        }).when(ui).access(any());
        when(event.getUI()).thenReturn(ui);
        when(event.getFileName()).thenReturn("big.npy");
        when(event.getFileSize()).thenReturn(declaredSize);
        when(event.getInputStream()).thenReturn(body);
        return event;
    }
}
