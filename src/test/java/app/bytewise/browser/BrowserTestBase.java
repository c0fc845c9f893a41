package app.bytewise.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The real app on a random port and one headless Chromium for the test class. Browser tests run in
 * Maven's integration-test phase, after {@code package} has built the production frontend bundle,
 * so the browser sees what the production jar serves.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class BrowserTestBase {

    protected static WebDriver browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
