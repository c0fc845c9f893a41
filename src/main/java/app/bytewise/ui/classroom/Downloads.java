package app.bytewise.ui.classroom;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Download links whose content is produced when clicked, so it is always current. */
final class Downloads {

    private Downloads() {
    }

    static Anchor link(String text, String fileName, String contentType, Supplier<String> content) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType + ";charset=UTF-8",
                    bytes.length);
        }), text);
        anchor.getElement().setAttribute("download", fileName);
        return anchor;
    }
}
