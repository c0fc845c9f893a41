package app.bytewise.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The real app on a random port, driven by Debian's headless Chromium. It runs in Maven's
 * integration-test phase, after {@code package} has built the production frontend bundle, so the
 * browser sees what the production jar serves. Skipped only on a machine without Chromium, and
 * never in CI ({@code CI=true}), where a missing browser fails the test.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserSignInIT {

    private static final File CHROMIUM = new File(System.getProperty("bytewise.chromium", "/usr/bin/chromium"));
    private static final File CHROMEDRIVER = new File(System.getProperty("bytewise.chromedriver", "/usr/bin/chromedriver"));

    private static WebDriver browser;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        boolean available = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!available && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the browser test, but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing");
        }
        assumeTrue(available, "Chromium and chromedriver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // Flags for a sandboxed machine with no network beyond loopback.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("bytewise-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void demoCandidateSignsInAndSeesTheNavigation() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get("http://localhost:" + port + "/lessons/kv-cache");
        wait.until(ExpectedConditions.titleIs("The KV cache | Bytewise"));
        // KaTeX (an npm package in the production bundle) has turned the LaTeX into rendered math.
        wait.until(d -> !d.findElements(By.cssSelector(".bw-math .katex")).isEmpty());
        browser.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.titleIs("Sign in | Bytewise"));

        WebElement username = wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form input[name='username']")));
        username.sendKeys("candidate");
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("candidate-demo");
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();

        wait.until(ExpectedConditions.titleIs("Bytewise"));
        wait.until(d -> d.findElements(By.cssSelector("vaadin-side-nav-item")).size() == 5);
        List<String> labels = browser.findElements(By.cssSelector("vaadin-side-nav-item")).stream()
                .map(item -> item.getText().strip())
                .toList();
        assertThat(labels).containsExactly("Lessons", "Estimator", "Drill", "Lab", "Progress");
        assertThat(browser.findElement(By.cssSelector(".bw-user")).getText()).isEqualTo("candidate");

        browser.findElement(By.cssSelector("vaadin-side-nav-item[path='progress']")).click();
        wait.until(ExpectedConditions.titleIs("Progress | Bytewise"));

        Path shot = Path.of("target", "screenshots", "candidate-progress.png");
        Files.createDirectories(shot.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(shot)).isGreaterThan(5_000);
    }
}
