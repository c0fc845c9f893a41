package app.bytewise.ui.progress;

import app.bytewise.ui.ChartImage;
import app.bytewise.ui.CurrentUser;
import app.bytewise.progress.DailyAccuracy;
import app.bytewise.progress.MasteryFigure;
import app.bytewise.progress.MisconceptionCount;
import app.bytewise.progress.ProgressService;
import app.bytewise.progress.ReviewQueue;
import app.bytewise.progress.Streak;
import app.bytewise.security.ApiTokenService;
import app.bytewise.ui.ReadableColumns;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The signed-in learner's progress: what is due for review, streaks, mastery per topic, accuracy
 * over the last weeks and the misconceptions that come up most. A learner with no answers yet sees
 * where to start instead. Below, the learner's personal API tokens.
 */
@Route("progress")
@PageTitle("Progress | Bytewise")
@PermitAll
public class ProgressView extends VerticalLayout {

    static final int ACCURACY_DAYS = 30;
    static final int TOP_MISCONCEPTIONS = 5;

    private final ProgressService progress;
    private final Clock clock;

    public ProgressView(ProgressService progress, ApiTokenService tokens, CurrentUser user, Clock clock) {
        this.progress = progress;
        this.clock = clock;
        addClassName("bw-page");
        addClassName("bw-progress");
        add(new H1("Progress"));
        // Only ever the signed-in user's own account reaches the services.
        user.account().ifPresentOrElse(account -> {
            show(account.getId());
            add(new ApiTokensPanel(tokens, account));
        }, () -> add(new Paragraph("Sign in to see your progress.")));
    }

    private void show(long userId) {
        if (progress.attemptCount(userId) == 0) {
            Paragraph empty = new Paragraph("No answers yet. Answer a few drill questions and your mastery per "
                    + "topic, accuracy, streaks and review queue will appear here.");
            empty.addClassName("bw-progress-empty");
            add(empty, new Anchor("drill", "Start a drill"));
            return;
        }
        reviewQueue(progress.reviewQueue(userId));
        streak(progress.streak(userId));
        mastery(progress.mastery(userId));
        accuracy(progress.accuracyByDay(userId, ACCURACY_DAYS));
        misconceptions(progress.frequentMisconceptions(userId, TOP_MISCONCEPTIONS));
    }

    private void reviewQueue(ReviewQueue queue) {
        Div section = new Div();
        section.addClassName("bw-review-queue");
        int due = queue.dueCount();
        if (due > 0) {
            String questions = due == 1 ? "1 due question" : due + " due questions";
            Button review = new Button("Review " + questions,
                    click -> UI.getCurrent().navigate("drill", QueryParameters.of("review", "1")));
            review.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            section.add(new Paragraph("Spaced review brings back each kind of question just before you would "
                    + "forget it, with new numbers every time."), review);
        } else {
            section.add(new Paragraph(queue.nextDue()
                    .map(next -> "Nothing is due for review. The next review is " + relative(next) + ".")
                    .orElse("Nothing is due for review.")));
        }
        add(new H2("Review"), section);
    }

    private void streak(Streak streak) {
        Span text = new Span((streak.days() == 1 ? "1 day" : streak.days() + " days") + " in a row · "
                + streak.correctInARow() + " right answers in a row");
        text.addClassName("bw-streak");
        add(new H2("Streak"), text);
    }

    private void mastery(List<MasteryFigure> figures) {
        List<MasteryFigure> practised = figures.stream().filter(m -> m.attempts() > 0).toList();
        add(new H2("Mastery by topic"));
        if (practised.isEmpty()) {
            add(new Paragraph("Your answers so far could not be graded; answer a question to start a topic."));
            return;
        }
        add(new Paragraph("The chance of solving a hard question on each topic you have practised, estimated from "
                + "every graded answer."));
        add(chart((w, h) -> ProgressCharts.masterySvg(practised, w, h), 60 + 44 * practised.size(),
                ProgressCharts.describeMastery(practised), "bw-mastery-chart"));
        List<String> untouched = figures.stream().filter(m -> m.attempts() == 0).map(m -> m.topic().title()).toList();
        if (!untouched.isEmpty()) {
            add(new Paragraph("Not practised yet: " + String.join(", ", untouched) + "."));
        }
    }

    private void accuracy(List<DailyAccuracy> days) {
        add(new H2("Accuracy, last " + ACCURACY_DAYS + " days"));
        if (days.isEmpty()) {
            add(new Paragraph("No graded answers in the last " + ACCURACY_DAYS + " days."));
            return;
        }
        add(chart((w, h) -> ProgressCharts.accuracySvg(days, w, h), 260, ProgressCharts.describeAccuracy(days),
                "bw-accuracy-chart"));
    }

    private void misconceptions(List<MisconceptionCount> counts) {
        add(new H2("Most frequent misconceptions"));
        if (counts.isEmpty()) {
            add(new Paragraph("No misconception diagnosed in your answers so far."));
            return;
        }
        Grid<MisconceptionCount> grid = new Grid<>();
        grid.addClassName("bw-misconception-table");
        ReadableColumns.addColumn(grid, c -> c.misconception().title()).setHeader("Misconception").setFlexGrow(3);
        ReadableColumns.addColumn(grid, MisconceptionCount::count).setHeader("Times");
        ReadableColumns.setItems(grid, counts);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        add(grid);
    }

    /** Drawn for a desktop and again for a phone (ChartImage.sized); the pair carries the chart's class. */
    private static Div chart(ChartImage.Drawing drawing, int height, String description, String className) {
        Div pair = ChartImage.sized(drawing, description, 720, height);
        pair.addClassName(className);
        return pair;
    }

    /** "in 3 days", "in 2 hours", "in 5 minutes": the browser's time zone is not known here. */
    private String relative(Instant at) {
        Duration wait = Duration.between(clock.instant(), at);
        if (wait.toDays() >= 1) {
            return "in " + plural(wait.toDays(), "day");
        }
        if (wait.toHours() >= 1) {
            return "in " + plural(wait.toHours(), "hour");
        }
        return "in " + plural(Math.max(1, wait.toMinutes()), "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
