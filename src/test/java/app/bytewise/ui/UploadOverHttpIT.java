package app.bytewise.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The estimator's config.json upload URL, posted to by hand as the probe did: the page's Upload
 * limits the size in the browser, and the server must hold the same line against raw POSTs. No
 * browser is needed, but it runs with the browser tests (after {@code package}, in their JVM): in
 * the unit-test JVM the Karibu tests' Vaadin dev-mode contexts share the generated frontend folder
 * with this one's, and its dev server may then fail to start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UploadOverHttpIT {

    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern UPLOAD_URL = Pattern.compile("VAADIN/dynamic/resource/[^\"]+/upload");
    private static final String REFUSED = """
            {"rejected":[{"fileName":"config.json","reason":"The file is larger than 64 KiB, the most this page \
            accepts."}]}""";

    @LocalServerPort
    private int port;
    private final HttpClient tab = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String uploadUrl;

    /** Opens the estimator as a browser tab does (page, Vaadin init, navigation) and reads its upload URL. */
    @BeforeEach
    void openEstimator() throws Exception {
        String base = "http://localhost:" + port;
        tab.send(HttpRequest.newBuilder(URI.create(base + "/estimator")).build(), HttpResponse.BodyHandlers.discarding());
        String init = tab.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=init&location=estimator&query=")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher key = SECURITY_KEY.matcher(init);
        assertThat(key.find()).as("Vaadin init answer: %s", init).isTrue();
        String navigate = """
                {"csrfToken": "%s", "syncId": 0, "clientId": 0, "rpc": [{"type": "event", "node": 1,
                 "event": "ui-navigate", "data": {"route": "estimator", "query": "", "appShellTitle": "",
                 "historyState": {"idx": 0}, "trigger": ""}}]}""".formatted(key.group(1));
        String changes = tab.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=0"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(navigate)).build(), HttpResponse.BodyHandlers.ofString()).body();
        // The page has two uploads (config.json, and a checkpoint file's first bytes): the config's is the
        // one that refuses a declared 64 KiB + 1 byte body as over its 64 KiB limit, unread.
        Matcher upload = UPLOAD_URL.matcher(changes);
        while (upload.find() && uploadUrl == null) {
            String candidate = base + "/" + upload.group();
            HttpResponse<String> probe = tab.send(HttpRequest.newBuilder(URI.create(candidate))
                    .header("Content-Type", "application/json").header("X-Filename", "config.json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[64 * 1024 + 1])).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (probe.body().contains("64 KiB")) {
                uploadUrl = candidate;
            }
        }
        assertThat(uploadUrl).as("the estimator's config.json upload URL").isNotNull();
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        return tab.send(HttpRequest.newBuilder(URI.create(uploadUrl)).header("Content-Type", "application/json")
                .header("X-Filename", "config.json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSmallFileIsTakenAndADeclaredLargeOneRefusedUnread() throws Exception {
        assertThat(post(HttpRequest.BodyPublishers.ofString("{}")).statusCode()).isEqualTo(200);
        HttpResponse<String> big = post(HttpRequest.BodyPublishers.ofByteArray(new byte[1 << 20]));
        assertThat(big.statusCode()).isEqualTo(422);
        assertThat(big.body()).isEqualTo(REFUSED);
    }

    /** 1 GiB sent chunked, without a length: refused after a few MiB, never held in memory. */
    @Test
    void aChunkedGigabyteIsRefusedLongBeforeItEnds() throws Exception {
        long gib = 1L << 30;
        long[] sent = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return sent[0]++ < gib ? ' ' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent[0] >= gib) {
                    return -1;
                }
                Arrays.fill(b, off, off + len, (byte) ' ');
                sent[0] += len;
                return len;
            }
        };
        HttpResponse<String> refused = post(HttpRequest.BodyPublishers.ofInputStream(() -> endless));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).isEqualTo(REFUSED);
        // The server reads 64 KiB + 1 and discards at most Tomcat's max-swallow-size (2 MiB) before it closes
        // the connection; the rest is what socket buffers took in.
        assertThat(sent[0]).isLessThan(64L << 20);
    }
}
