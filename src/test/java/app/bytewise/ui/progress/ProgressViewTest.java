package app.bytewise.ui.progress;

import app.bytewise.ui.KaribuTestBase;
import app.bytewise.ui.drill.DrillView;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NavigatorKt.expectView;
import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Grader;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.Option;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.QuestionTemplate;
import app.bytewise.drill.TemplateCatalog;
import app.bytewise.drill.Topic;
import app.bytewise.progress.ProgressService;
import app.bytewise.security.AccountService;
import app.bytewise.security.ApiTokenService;
import app.bytewise.security.ApiTokenSummary;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.github.mvysny.kaributesting.v10.GridKt;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ProgressViewTest extends KaribuTestBase {

    private static final String PASSWORD = "a-long-password";
    private static final AtomicInteger USERS = new AtomicInteger();

    @Autowired
    private AccountService accounts;
    @Autowired
    private ProgressService progress;
    @Autowired
    private TemplateCatalog catalog;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ApiTokenService tokens;

    /** A fresh learner, so rows other tests leave in the shared in-memory database never show here. */
    private String newLearner() {
        String name = "view-" + System.nanoTime() % 1_000_000 + "-" + USERS.incrementAndGet();
        return accounts.registerCandidate(name, name, PASSWORD).getUsername();
    }

    private ProgressView open(String username) {
        openSignedIn(username, PASSWORD);
        UI.getCurrent().navigate(ProgressView.class);
        expectView(ProgressView.class);
        return _get(ProgressView.class);
    }

    @Test
    void aNewLearnerSeesWhereToStart() {
        open(newLearner());
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("bw-progress-empty")).getText())
                .startsWith("No answers yet.");
        assertThat(_find(Image.class)).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Review 1 due question"))).isEmpty();
    }

    @SuppressWarnings("unchecked")
    @Test
    void aLearnerCreatesAPersonalTokenSeesItOnceAndRevokesIt() {
        String name = newLearner();
        var owner = accounts.find(name).orElseThrow();
        open(name);
        TextField tokenName = _get(TextField.class, spec -> spec.withLabel("Token name"));
        Grid<ApiTokenSummary> table = _get(Grid.class, spec -> spec.withClasses("bw-api-token-table"));
        assertThat(GridKt._size(table)).isZero();

        _click(_get(Button.class, spec -> spec.withText("Create token")));
        assertThat(tokenName.isInvalid()).isTrue();
        assertThat(tokenName.getErrorMessage()).isEqualTo("A token name has 1 to 60 characters.");
        assertThat(tokens.tokensOf(owner)).isEmpty();

        _setValue(tokenName, "laptop");
        _click(_get(Button.class, spec -> spec.withText("Create token")));
        String secret = _get(TextField.class, spec -> spec.withClasses("bw-new-token")).getValue();
        assertThat(secret).startsWith("bw_");
        assertThat(tokens.authenticate(secret)).hasValueSatisfying(a -> assertThat(a.getId()).isEqualTo(owner.getId()));
        assertThat(GridKt._size(table)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(table, 0)).contains("laptop", "never");

        // Opened again, the page lists the token but never shows its secret.
        open(name);
        assertThat(_find(TextField.class, spec -> spec.withClasses("bw-new-token"))).isEmpty();
        Grid<ApiTokenSummary> listed = _get(Grid.class, spec -> spec.withClasses("bw-api-token-table"));
        assertThat(GridKt._getFormattedRow(listed, 0)).contains("laptop").doesNotContain(secret);
        _click((Button) GridKt._getCellComponent(listed, 0, "revoke"));
        assertThat(GridKt._size(listed)).isZero();
        assertThat(tokens.tokensOf(owner)).isEmpty();
        assertThat(tokens.authenticate(secret)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    @Test
    void aLearnerWithAnswersSeesMasteryStreakMisconceptionsAndTheDueCount() {
        String name = newLearner();
        long id = accounts.find(name).orElseThrow().getId();
        QuestionTemplate kv = catalog.matching(Optional.of(Topic.KV_CACHE), Optional.of(Difficulty.MEDIUM),
                Optional.empty()).getFirst();
        QuestionTemplate zero = catalog.matching(Optional.of(Topic.ZERO), Optional.empty(), Optional.empty())
                .getFirst();
        // KV cache: right at the first try, slowly (Good). Elo θ = 40, mastery 1/(1 + 10^(160/400)) = 28%.
        Question right = kv.generate(5, QuestionKind.CHOICE);
        String rightId = right.correctOption().orElseThrow().id();
        progress.record(id, right, rightId, Grader.DEFAULT.grade(right, rightId, 1), Duration.ofMinutes(3));
        // ZeRO: a wrong option, so a misconception is counted.
        Question wrong = zero.generate(6, QuestionKind.CHOICE);
        Option miss = wrong.options().stream()
                .filter(o -> !o.correct() && o.misconception() != null && o.misconception() != Misconception.WRONG_OPTION)
                .findFirst().orElseThrow();
        var missGrade = Grader.DEFAULT.grade(wrong, miss.id(), 1);
        progress.record(id, wrong, miss.id(), missGrade, Duration.ofSeconds(50));
        // A day later both cards (due within 10 minutes) are due.
        jdbc.update("UPDATE review_card SET due = ? WHERE user_id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(1))), id);

        open(name);

        String mastery = _get(_get(Div.class, spec -> spec.withClasses("bw-mastery-chart")), Image.class,
                spec -> spec.withClasses("bw-chart-desktop")).getAlt().orElseThrow();
        assertThat(mastery).contains("KV cache (GQA/MQA) 28% (1 answer)");
        assertThat(mastery).contains("ZeRO stages");
        assertThat(_get(_get(Div.class, spec -> spec.withClasses("bw-accuracy-chart")), Image.class,
                spec -> spec.withClasses("bw-chart-phone")).getAlt().orElseThrow())
                .contains("1 of 2 right (50%)");
        assertThat(_get(Span.class, spec -> spec.withClasses("bw-streak")).getText())
                .isEqualTo("1 day in a row · 0 right answers in a row");
        Grid<Object> misconceptions = _get(Grid.class, spec -> spec.withClasses("bw-misconception-table"));
        assertThat(GridKt._getFormattedRow(misconceptions, 0))
                .isEqualTo(List.of(missGrade.misconception().orElseThrow().title(), "1"));

        _click(_get(Button.class, spec -> spec.withText("Review 2 due questions")));
        expectView(DrillView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters()
                .getSingleParameter("review")).hasValue("1");
    }

    @Test
    void aLearnerWithNothingDueIsToldWhenTheNextReviewIs() {
        String name = newLearner();
        long id = accounts.find(name).orElseThrow().getId();
        Question q = catalog.matching(Optional.of(Topic.DECODE_SPEED), Optional.empty(), Optional.empty())
                .getFirst().generate(7, QuestionKind.CHOICE);
        String answer = q.correctOption().orElseThrow().id();
        progress.record(id, q, answer, Grader.DEFAULT.grade(q, answer, 1), Duration.ofMinutes(3)); // Good: 10 minutes

        open(name);

        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText()
                .matches("Nothing is due for review\\. The next review is in (9|10) minutes\\."));
        assertThat(_find(Button.class).stream().map(Button::getText)).noneMatch(t -> t.startsWith("Review"));
    }
}
