package app.bytewise.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every interactive page in a real browser, as an anonymous visitor: each is used once on a
 * desktop-sized window, then reloaded at phone width (390 px) and checked for content that would
 * push the page sideways. Screenshots of both land in {@code target/screenshots/}.
 */
class BrowserPagesIT extends BrowserTestBase {

    /** Elements in the page (outside grids, which scroll on their own) whose right edge is off screen. */
    private static final String OVERFLOWING = """
            const limit = window.innerWidth + 1;
            const scrollsOnItsOwn = e => {
              for (let a = e.parentElement; a && !a.classList.contains('bw-page'); a = a.parentElement) {
                if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) return true;
              }
              return false;
            };
            return [...document.querySelectorAll('.bw-page *')]
              .filter(e => !e.closest('vaadin-grid, .katex-mathml') && e.getClientRects().length > 0)
              .filter(e => e.getBoundingClientRect().right > limit && !scrollsOnItsOwn(e))
              .slice(0, 5)
              .map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' in '
                   + e.parentElement.tagName.toLowerCase() + '.' + [...e.parentElement.classList].join('.')
                   + ' right=' + Math.round(e.getBoundingClientRect().right) + ': ' + e.textContent.slice(0, 60));""";

    private WebDriverWait wait;

    @BeforeEach
    void desktop() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    private void open(String path, String title) {
        browser.get(url(path));
        wait.until(ExpectedConditions.titleIs(title));
    }

    /** Reloads at phone width, checks nothing sticks out, and saves both screenshots. */
    @SuppressWarnings("unchecked")
    private void fitsAPhone(String name, String title, By ready) throws Exception {
        assertThat(Files.size(Chromium.screenshot(browser, name + "-desktop"))).isGreaterThan(5_000);
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.titleIs(title));
        wait.until(ExpectedConditions.presenceOfElementLocated(ready));
        List<String> overflowing = (List<String>) ((JavascriptExecutor) browser).executeScript(OVERFLOWING);
        assertThat(overflowing).as(name + " at 390 px").isEmpty();
        assertThat(Files.size(Chromium.screenshot(browser, name + "-phone"))).isGreaterThan(5_000);
    }

    /** Every chart's SVG decoded: a malformed document would leave the image with no natural size. */
    private void chartsAreDrawn(String selector) {
        wait.until(d -> ((JavascriptExecutor) d).executeScript("return [...document.querySelectorAll(arguments[0])]"
                + ".every(img => img.complete && img.naturalWidth > 0)", selector).equals(Boolean.TRUE));
    }

    @Test
    void estimatorShowsTheTotalInBothUnitsAndCompares() throws Exception {
        open("estimator?model=llama-2-7b&weights=fp16&context=4096&compare=1&b.weights=gguf:Q4_K_M", "Estimator | Bytewise");
        WebElement total = wait.until(d -> d.findElement(By.cssSelector(".bw-total")));
        assertThat(total.getText()).matches("Total: [0-9.]+ GB \\([0-9.]+ GiB\\)");
        wait.until(d -> d.findElement(By.cssSelector(".bw-comparison")).getText().contains("less than A"));
        assertThat(browser.findElements(By.cssSelector("img.bw-chart"))).hasSizeGreaterThanOrEqualTo(4);
        chartsAreDrawn("img.bw-chart");
        fitsAPhone("estimator", "Estimator | Bytewise", By.cssSelector(".bw-total"));
    }

    @Test
    void drillGradesAnAnswerAndShowsTheSolution() throws Exception {
        open("drill?topic=kv-cache", "Drill | Bytewise");
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-radio-button")).isEmpty());
        browser.findElements(By.cssSelector("vaadin-radio-button")).get(0).click();
        browser.findElement(By.xpath("//vaadin-button[normalize-space(.)='Check']")).click();
        wait.until(d -> d.findElement(By.cssSelector(".bw-feedback")).getText().matches("(?s).*(Correct\\.|Not this time\\.).*"));
        fitsAPhone("drill", "Drill | Bytewise", By.cssSelector("vaadin-radio-button"));
    }

    @Test
    void scenarioGradesAStepAndOpensTheNext() throws Exception {
        // Qwen2-7B on an L4: 7,615,616,512 parameters × 2 bytes = 14.19 GiB of FP16 weights.
        open("scenarios?id=deploy-fp16-or-int4.4d", "Scenarios | Bytewise");
        WebElement typed = wait.until(d -> d.findElement(By.cssSelector("vaadin-text-field input")));
        typed.sendKeys("14.19 GiB");
        browser.findElement(By.xpath("//vaadin-button[normalize-space(.)='Check']")).click();
        wait.until(d -> d.findElement(By.cssSelector(".bw-feedback")).getText().contains("Correct: 14.19 GiB."));
        wait.until(d -> d.findElements(By.xpath("//h3[starts-with(normalize-space(.), 'Step 2 of 5')]")).size() == 1);
        fitsAPhone("scenario", "Scenarios | Bytewise", By.cssSelector("vaadin-text-field"));
    }

    @Test
    void interviewRunsWithoutFeedbackAndEndsWithTheReport() throws Exception {
        open("interview", "Mock interview | Bytewise");
        wait.until(d -> d.findElement(By.xpath("//vaadin-button[normalize-space(.)='Start interview']"))).click();
        wait.until(d -> !d.findElements(By.cssSelector(".bw-interview-item")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".bw-feedback"))).isEmpty();
        WebElement finish = browser.findElement(By.xpath("//vaadin-button[normalize-space(.)='Finish and see the report']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", finish);
        finish.click();
        // The report replaces the questions below the fold: read its text from the DOM, as it may be scrolled past.
        wait.until(d -> d.findElement(By.cssSelector(".bw-interview-score")).getDomProperty("textContent")
                .matches("Score 0\\.0 / [0-9]+ · [0-9]+ left blank"));
        assertThat(browser.findElements(By.cssSelector(".bw-interview-result"))).hasSizeGreaterThan(8);
        // The sitting is kept in the session: the reload at phone width shows the same report.
        fitsAPhone("interview", "Mock interview | Bytewise", By.cssSelector(".bw-interview-score"));
    }

    @Test
    void workedExampleRevealsItsStepsOneByOne() throws Exception {
        open("examples?example=largest-batch-on-gpu.n.2a", "Worked examples | Bytewise");
        By visibleSteps = By.cssSelector(".bw-steps > li:not(.bw-step-hidden)");
        wait.until(d -> !d.findElements(By.cssSelector(".bw-steps > li")).isEmpty());
        assertThat(browser.findElements(visibleSteps)).isEmpty();
        browser.findElement(By.xpath("//vaadin-button[normalize-space(.)='Show next step']")).click();
        wait.until(d -> d.findElements(visibleSteps).size() == 1);
        assertThat(browser.findElement(visibleSteps).isDisplayed()).isTrue();
        fitsAPhone("examples", "Worked examples | Bytewise", By.cssSelector(".bw-steps"));
    }

    @Test
    void labQuantizesOffTheUiThreadAndShowsMetricsAndHistograms() throws Exception {
        open("lab", "Lab | Bytewise");
        // The list of formats is long: bring the button into view, as a user scrolls to it, before clicking.
        WebElement quantize = wait.until(d -> d.findElement(By.xpath("//vaadin-button[normalize-space(.)='Quantize']")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", quantize);
        quantize.click();
        wait.until(d -> d.findElement(By.cssSelector(".bw-lab-status")).getText().startsWith("Done: 5 results"));
        assertThat(browser.findElements(By.cssSelector(".bw-lab-results img.bw-chart-desktop"))).hasSize(2);
        chartsAreDrawn(".bw-lab-results img.bw-chart");
        fitsAPhone("lab", "Lab | Bytewise", By.xpath("//vaadin-button[normalize-space(.)='Quantize']"));
    }

    @Test
    void lessonsRenderOnAPhone() throws Exception {
        open("lessons/kv-cache", "The KV cache | Bytewise");
        wait.until(d -> !d.findElements(By.cssSelector(".bw-math .katex")).isEmpty());
        fitsAPhone("lesson", "The KV cache | Bytewise", By.cssSelector(".bw-math .katex"));
    }
}
