package app.bytewise.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Signing in as the demo candidate and the demo instructor, and the pages each then reaches. */
class BrowserSignInIT extends BrowserTestBase {

    @Test
    void demoCandidateSignsInAndSeesTheNavigation() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(url("lessons/kv-cache"));
        wait.until(ExpectedConditions.titleIs("The KV cache | Bytewise"));
        // KaTeX (an npm package in the production bundle) has turned the LaTeX into rendered math.
        wait.until(d -> !d.findElements(By.cssSelector(".bw-math .katex")).isEmpty());
        signIn(wait, "candidate", "candidate-demo");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-side-nav-item")).size() == 9);
        List<String> labels = browser.findElements(By.cssSelector("vaadin-side-nav-item")).stream()
                .map(item -> item.getText().strip())
                .toList();
        assertThat(labels).containsExactly("Lessons", "Estimator", "Drill", "Scenarios", "Mock interview", "Worked examples",
                "Lab", "Progress", "Assignments");
        assertThat(browser.findElement(By.cssSelector(".bw-user")).getText()).isEqualTo("candidate");

        browser.findElement(By.cssSelector("vaadin-side-nav-item[path='progress']")).click();
        wait.until(ExpectedConditions.titleIs("Progress | Bytewise"));

        assertThat(Files.size(Chromium.screenshot(browser, "candidate-progress"))).isGreaterThan(5_000);

        browser.findElement(By.cssSelector("vaadin-side-nav-item[path='assignments']")).click();
        wait.until(ExpectedConditions.titleIs("Assignments | Bytewise"));
        wait.until(d -> d.findElement(By.xpath("//vaadin-button[normalize-space(.)='Join class']")));
        assertThat(Files.size(Chromium.screenshot(browser, "candidate-assignments"))).isGreaterThan(5_000);
    }

    @Test
    void demoInstructorOpensTheClassroom() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signIn(wait, "instructor", "instructor-demo");
        browser.get(url("classroom"));
        wait.until(ExpectedConditions.titleIs("Classroom | Bytewise"));
        wait.until(d -> d.findElement(By.xpath("//h1[normalize-space(.)='Classroom']")));
        assertThat(Chromium.screenshot(browser, "instructor-classroom")).isNotEmptyFile();
    }

    @Test
    void aNewCandidateSignsUpAndSignsInWithTheTaggedNameShown() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.manage().deleteAllCookies();
        browser.get(url("signup"));
        wait.until(ExpectedConditions.titleIs("Sign up | Bytewise"));
        List<WebElement> texts = wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("vaadin-text-field input"));
            return found.size() == 3 ? found : null; // username, display name, invite code
        });
        texts.get(0).sendKeys("Grace");
        texts.get(1).sendKeys("Grace Hopper");
        List<WebElement> passwords = browser.findElements(By.cssSelector("vaadin-password-field input"));
        passwords.get(0).sendKeys("compiler-pioneer-1952");
        passwords.get(1).sendKeys("compiler-pioneer-1952");
        browser.findElement(By.xpath("//vaadin-button[normalize-space(.)='Create account']")).click();

        String signInName = wait.until(d -> d.findElement(By.cssSelector(".bw-sign-in-name"))).getText();
        assertThat(signInName).matches("grace-\\d{4}");
        assertThat(Chromium.screenshot(browser, "sign-up-confirmation")).isNotEmptyFile();

        signIn(wait, signInName, "compiler-pioneer-1952");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-side-nav-item[path='progress']")).size() == 1);
    }

    /** Signs in afresh: the cookies of an earlier test's session go first. */
    private void signIn(WebDriverWait wait, String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("login"));
        wait.until(ExpectedConditions.titleIs("Sign in | Bytewise"));
        WebElement username = wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form input[name='username']")));
        username.sendKeys(user);
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait.until(ExpectedConditions.titleIs("Bytewise"));
    }
}
