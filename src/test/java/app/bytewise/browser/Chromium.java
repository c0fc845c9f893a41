package app.bytewise.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Map;
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

    /**
     * The whole page, not only the window, as {@code target/screenshots/<name>.png}: Chromium's
     * DevTools capture beyond the viewport, sized to the document's content.
     */
    @SuppressWarnings("unchecked")
    static Path fullPageScreenshot(WebDriver browser, String name) {
        ChromeDriver chrome = (ChromeDriver) browser;
        Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), 16_000);
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path file = Path.of("target", "screenshots", name + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
