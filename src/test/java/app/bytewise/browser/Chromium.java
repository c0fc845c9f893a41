package app.bytewise.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for the real-browser tests. Skipped only on a machine without it, and
 * never in CI ({@code CI=true}), where a missing browser fails the test.
 */
final class Chromium {

    private static final File BINARY = new File(System.getProperty("bytewise.chromium", "/usr/bin/chromium"));
    private static final File DRIVER = new File(System.getProperty("bytewise.chromedriver", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    static WebDriver start() {
        boolean available = BINARY.canExecute() && DRIVER.canExecute();
        if (!available && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the browser tests, but " + BINARY + " or " + DRIVER + " is missing");
        }
        assumeTrue(available, "Chromium and chromedriver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        try {
            // Flags for a sandboxed machine with no network beyond loopback.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1280,900",
                    "--user-data-dir=" + Files.createTempDirectory("bytewise-chromium"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
        return new ChromeDriver(service, options);
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png} and returns the file. */
    static Path screenshot(WebDriver browser, String name) {
        Path shot = Path.of("target", "screenshots", name + ".png");
        try {
            Files.createDirectories(shot.getParent());
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return shot;
    }

    /** The page's full height: the document's, or that of the tallest scrolling box inside it (the app layout's). */
    private static final String CONTENT_HEIGHT = """
            let h = document.documentElement.scrollHeight;
            const walk = root => {
              for (const e of root.querySelectorAll('*')) {
                if (e.scrollHeight > e.clientHeight + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowY)) {
                  h = Math.max(h, e.scrollHeight + e.getBoundingClientRect().top);
                }
                if (e.shadowRoot) walk(e.shadowRoot);
              }
            };
            walk(document);
            return Math.ceil(h);""";

    /**
     * The whole page, not only the window, as {@code target/screenshots/<name>.png}: the window is
     * made as tall as the content (at most 12,000 px) for the shot, then given its height back.
     */
    static Path fullPageScreenshot(WebDriver browser, String name) {
        Dimension window = browser.manage().window().getSize();
        long content = ((Number) ((JavascriptExecutor) browser).executeScript(CONTENT_HEIGHT)).longValue();
        int extra = window.getHeight() - ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerHeight"))
                .intValue();
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(12_000, content + extra)));
        ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(done));");
        try {
            return screenshot(browser, name);
        } finally {
            browser.manage().window().setSize(window);
        }
    }
}
