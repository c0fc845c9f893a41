package app.bytewise.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

/**
 * Every page with data, as the visitor, the candidate, the instructor and the administrator see it
 * with the sample data, at 1280, 768 and 390 px: no page scrolls sideways, no grid cell's content
 * is wider than its cell (a clipped word, a cut button), no cell breaks a word across lines and
 * every column's rows line up under its header. Each page is loaded afresh at each width,
 * as a phone opens it, and saved whole as {@code target/screenshots/layout-<page>-<width>.png} (and
 * the first screenful at 1280 px as {@code window-<page>-1280.png}).
 */
@TestPropertySource(properties = {"bytewise.demo.sample-data=true",
        "spring.datasource.url=jdbc:h2:mem:bytewise-layout;DB_CLOSE_DELAY=-1"})
class BrowserLayoutIT extends BrowserTestBase {

    private static final int[] WIDTHS = {1280, 768, 390};

    /** Grid cells whose content is wider than the cell (what a clipped "KV ca…" or a cut button is). */
    private static final String TRUNCATED_CELLS = """
            return [...document.querySelectorAll('vaadin-grid-cell-content')]
              .filter(c => c.getClientRects().length > 0 && c.clientWidth > 0)
              .filter(c => c.scrollWidth > c.clientWidth + 1)
              .slice(0, 5)
              .map(c => '"' + c.textContent.trim().slice(0, 40) + '" needs ' + c.scrollWidth + ' px in '
                   + c.clientWidth + ' px');""";

    /**
     * Words of up to 16 letters that a grid cell is too narrow to hold on one line, so its text breaks
     * inside them ("transforme-rs", "NVIDIA GeF-orce"): measured with the cell's own font. Longer
     * tokens (identifiers, hashes) may break.
     */
    private static final String BROKEN_WORDS = """
            const ctx = document.createElement('canvas').getContext('2d');
            return [...document.querySelectorAll('vaadin-grid-cell-content')]
              .filter(c => c.getClientRects().length > 0 && c.clientWidth > 0 && c.children.length === 0)
              .flatMap(c => {
                const style = getComputedStyle(c);
                ctx.font = style.font;
                const room = c.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                // A line may end after a hyphen ("warm-" / "up"), as the browser breaks it: not a broken word.
                return c.textContent.split(/\\s+/).flatMap(w => w.split(/(?<=-)/)).filter(w => w.length > 0 && w.length <= 16)
                  .filter(w => ctx.measureText(w).width > room + 0.5)
                  .map(w => '"' + w + '" breaks in a ' + Math.round(room) + ' px cell');
              })
              .slice(0, 5);""";

    /** Columns whose header cell and first row's cell do not start at the same place (widths that drift). */
    private static final String MISALIGNED = """
            const out = [];
            for (const g of document.querySelectorAll('vaadin-grid')) {
              if (g.getClientRects().length === 0) continue;
              const head = g.shadowRoot.querySelector('thead tr:last-child');
              const body = [...g.shadowRoot.querySelectorAll('tbody tr')].find(r => r.getClientRects().length > 0);
              if (!head || !body) continue;
              const cells = row => [...row.children].filter(c => c.getClientRects().length > 0
                  && !(c.getAttribute('part') || '').includes('details-cell'));
              const h = cells(head), b = cells(body);
              h.forEach((cell, i) => {
                if (b[i] && Math.abs(cell.getBoundingClientRect().left - b[i].getBoundingClientRect().left) > 1) {
                  out.push('column ' + (i + 1) + ' of a grid: header at ' + Math.round(cell.getBoundingClientRect().left)
                           + ' px, rows at ' + Math.round(b[i].getBoundingClientRect().left) + ' px');
                }
              });
            }
            return out.slice(0, 5);""";

    /** How far the page scrolls sideways, and the first elements that stick out of the window. */
    private static final String SIDEWAYS = """
            const over = document.documentElement.scrollWidth - window.innerWidth;
            if (over <= 0) return [];
            const limit = window.innerWidth + 1;
            const inOwnScroll = e => {
              for (let a = e.parentElement; a; a = a.parentElement) {
                if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX)) return true;
              }
              return false;
            };
            return ['page scrolls sideways by ' + over + ' px'].concat([...document.querySelectorAll('body *')]
              .filter(e => e.getClientRects().length > 0 && e.getBoundingClientRect().right > limit && !inOwnScroll(e))
              .slice(0, 5)
              .map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' right='
                   + Math.round(e.getBoundingClientRect().right) + ': ' + (e.textContent || '').trim().slice(0, 50)));""";

    private record Visit(String name, String path, String title, By ready, Consumer<WebDriverWait> then) {
        Visit(String name, String path, String title, By ready) {
            this(name, path, title, ready, wait -> { });
        }
    }

    private WebDriverWait wait;

    @Test
    void everyPublicPageFitsEveryWidth() throws Exception {
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.manage().deleteAllCookies();
        check(List.of(
                new Visit("home", "", "Bytewise", By.cssSelector(".bw-page h1")),
                new Visit("lessons", "lessons", "Lessons | Bytewise", By.cssSelector(".bw-card")),
                new Visit("lesson-flashattention", "lessons/flashattention", "FlashAttention and the GPU memory hierarchy | Bytewise",
                        By.cssSelector(".bw-live-result .bw-live-line")),
                new Visit("estimator", "estimator?model=meta-llama-3-8b&weights=bf16&context=8192&batch=4&gpu=l4",
                        "Estimator | Bytewise", By.cssSelector(".bw-total")),
                new Visit("estimator-compare", "estimator?model=llama-2-7b&weights=fp16&context=4096&compare=1&b.weights=gguf:Q4_K_M",
                        "Estimator | Bytewise", By.cssSelector(".bw-comparison")),
                new Visit("estimator-engine", "estimator?model=gpt-oss-20b&weights=checkpoint&context=131072&engine=llama.cpp",
                        "Estimator | Bytewise", By.cssSelector(".bw-total")),
                new Visit("estimator-training", "estimator?mode=training&model=llama-2-7b&context=4096",
                        "Estimator | Bytewise", By.cssSelector(".bw-total")),
                new Visit("drill", "drill?topic=kv-cache", "Drill | Bytewise", By.cssSelector("vaadin-radio-button")),
                new Visit("scenarios", "scenarios?id=deploy-fp16-or-int4.4d", "Scenarios | Bytewise",
                        By.cssSelector("vaadin-text-field")),
                new Visit("examples", "examples?example=largest-batch-on-gpu.n.2a", "Worked examples | Bytewise",
                        By.cssSelector(".bw-steps")),
                new Visit("lab", "lab", "Lab | Bytewise", By.xpath("//vaadin-button[normalize-space(.)='Quantize']"),
                        BrowserLayoutIT::quantize)));
    }

    @Test
    void theCandidatesPagesFitEveryWidth() throws Exception {
        signIn("candidate", "candidate-demo");
        check(List.of(
                new Visit("candidate-progress", "progress", "Progress | Bytewise", By.cssSelector("vaadin-grid")),
                new Visit("candidate-assignments", "assignments", "Assignments | Bytewise",
                        By.xpath("//vaadin-button[normalize-space(.)='Take']"))));
    }

    @Test
    void theInstructorsAndAdministratorsPagesFitEveryWidth() throws Exception {
        signIn("instructor", "instructor-demo");
        check(List.of(new Visit("instructor-classroom", "classroom", "Classroom | Bytewise",
                // The class in its grid row, or on a phone in its card (the hidden grid renders no rows).
                By.xpath("//vaadin-grid-cell-content[normalize-space(.)='Demo class: LLM memory']"
                        + " | //span[contains(@class, 'bw-phone-card-title') and normalize-space(.)='Demo class: LLM memory']"),
                BrowserLayoutIT::showResults)));
        signIn("admin", "admin-demo");
        check(List.of(new Visit("admin-accounts", "accounts", "Accounts | Bytewise",
                By.xpath("//vaadin-grid-cell-content[normalize-space(.)='instructor']"))));
    }

    @SuppressWarnings("unchecked")
    private void check(List<Visit> visits) throws Exception {
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        List<String> problems = new java.util.ArrayList<>();
        for (Visit visit : visits) {
            for (int width : WIDTHS) {
                browser.manage().window().setSize(new Dimension(width, 900));
                browser.get(url(visit.path()));
                wait.until(ExpectedConditions.titleIs(visit.title()));
                wait.until(ExpectedConditions.presenceOfElementLocated(visit.ready()));
                visit.then().accept(wait);
                settle();
                String at = visit.name() + " at " + width + " px";
                JavascriptExecutor js = (JavascriptExecutor) browser;
                for (String check : List.of(SIDEWAYS, TRUNCATED_CELLS, BROKEN_WORDS, MISALIGNED)) {
                    List<String> found = (List<String>) js.executeScript(check);
                    if (!found.isEmpty()) {
                        problems.add(at + ": " + found);
                    }
                }
                assertThat(Files.size(Chromium.fullPageScreenshot(browser, "layout-" + visit.name() + "-" + width)))
                        .isGreaterThan(5_000);
                if (width == WIDTHS[0]) {
                    // What the window shows first, as the README's picture is taken.
                    Chromium.screenshot(browser, "window-" + visit.name() + "-" + width);
                }
            }
        }
        // Every page and width is looked at before failing, so one run names every problem.
        assertThat(problems).isEmpty();
    }

    /** Grids have fetched their rows and sized their columns; images have decoded. */
    private void settle() {
        wait.until(d -> ((JavascriptExecutor) d).executeScript("""
                return [...document.querySelectorAll('vaadin-grid')].every(g => !g.hasAttribute('loading'))
                  && [...document.images].every(i => i.complete);""").equals(Boolean.TRUE));
        ((JavascriptExecutor) browser).executeScript("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));");
    }

    private static void quantize(WebDriverWait wait) {
        WebElement quantize = browser.findElement(By.xpath("//vaadin-button[normalize-space(.)='Quantize']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", quantize);
        quantize.click();
        wait.until(d -> d.findElement(By.cssSelector(".bw-lab-status")).getText().startsWith("Done: "));
    }

    /** Picks the sample assignment, so the results grids (students, questions, answers) are on the page. */
    private static void showResults(WebDriverWait wait) {
        WebElement box = browser.findElement(By.cssSelector("#bw-results-assignment"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
        box.findElement(By.cssSelector("input")).click();
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty());
        browser.findElements(By.cssSelector("vaadin-combo-box-item")).get(0).click();
        wait.until(d -> !d.findElements(By.xpath("//h3[normalize-space(.)='Answers']")).isEmpty());
    }

    private void signIn(String user, String password) {
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("login"));
        wait.until(ExpectedConditions.titleIs("Sign in | Bytewise"));
        wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form input[name='username']"))).sendKeys(user);
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait.until(ExpectedConditions.titleIs("Bytewise"));
    }
}
