package app.bytewise.api;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Grade;
import app.bytewise.drill.Grader;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.Option;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionId;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.TemplateCatalog;
import app.bytewise.drill.Topic;
import app.bytewise.drill.WrongTurns;
import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.Step;
import app.bytewise.progress.ProgressService;
import app.bytewise.security.UserText;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Topics, questions (without their answers) and grading. A caller signed in with HTTP Basic also has
 * each readable answer recorded in their progress; anonymous callers are graded the same, and nothing
 * is stored.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Drill", description = "Randomized questions graded numerically, with the misconception named")
class DrillController {

    private final TemplateCatalog catalog;
    private final Grader grader;
    private final ApiUser users;
    private final ProgressService progress;

    DrillController(TemplateCatalog catalog, Grader grader, ApiUser users, ProgressService progress) {
        this.catalog = catalog;
        this.grader = grader;
        this.users = users;
        this.progress = progress;
    }

    record TopicView(String id, String title, int templateCount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QuestionView(String id, String topic, int difficulty, String kind, String text, List<OptionView> options,
            String unit) {
    }

    record OptionView(String id, String text) {
    }

    /** {@code timeTakenMs}: from showing the question to answering, if the client measured it. */
    record AnswerRequest(String answer, Integer attempt, Long timeTakenMs) {
    }

    /** {@code lesson}: the path of the lesson that teaches the mistake. */
    record MisconceptionView(String id, String title, String explanation, String lesson) {

        static MisconceptionView of(app.bytewise.drill.Misconception m) {
            return new MisconceptionView(m.id(), m.title(), m.explanation(), m.lesson());
        }
    }

    record SolutionView(List<Step> steps, String takeaway, String lesson) {
    }

    /**
     * {@code expected} and {@code solution} only once the question is over ({@code over}: right, or a
     * second readable miss); before that a miss names the step its misconception is made at
     * ({@code wrongStep}), so a retry is not a copy.
     */
    record AnswerView(Boolean correct, double score, boolean over, String expected, MisconceptionView misconception,
            String wrongStep, String feedback, SolutionView solution, boolean recorded) {
    }

    @Operation(summary = "The topics, each with how many templates draw questions for it")
    @GetMapping("/topics")
    List<TopicView> topics() {
        return Arrays.stream(Topic.values()).map(t -> new TopicView(slug(t), t.title(),
                catalog.matching(Optional.of(t), Optional.empty(), Optional.empty()).size())).toList();
    }

    @Operation(summary = "Draw a question (without its answer)", description = "The same parameters and seed always "
            + "give the identical question; without a seed a random one is drawn.")
    @GetMapping("/questions")
    QuestionView question(@RequestParam(required = false) String topic, @RequestParam(required = false) Integer difficulty,
            @RequestParam(required = false) Long seed, @RequestParam(required = false) String kind) {
        Optional<Topic> t = Optional.ofNullable(topic).map(DrillController::topic);
        Optional<Difficulty> d = Optional.ofNullable(difficulty).map(level -> {
            if (level < 1 || level > 3) {
                throw new InvalidInputException("difficulty", "difficulty must be 1, 2 or 3.");
            }
            return Difficulty.ofLevel(level);
        });
        Optional<QuestionKind> k = Optional.ofNullable(kind).map(DrillController::kind);
        long s = seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 48);
        Question q = catalog.draw(t, d, k, s).orElseThrow(() -> new InvalidInputException("topic",
                "No question matches these filters."));
        return view(q);
    }

    @Operation(summary = "Grade an answer: an option id, or a typed number with its unit",
            description = "With HTTP Basic credentials a readable answer is also recorded in the caller's progress "
                    + "(recorded: true); wrong credentials are a 401, none at all just grade. The expected answer and "
                    + "the solution come once the question is over (over: right, or a miss at attempt 2 or later); "
                    + "a first miss names the step its misconception is made at (wrongStep).")
    @PostMapping("/questions/{id}/answer")
    AnswerView answer(@PathVariable String id, @RequestBody AnswerRequest request, Authentication authentication) {
        QuestionId qid;
        try {
            qid = QuestionId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No question has the id '" + id + "'.");
        }
        Question q = catalog.question(qid).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "No question has the id '" + id + "'."));
        int attempt = request.attempt() == null ? 1 : request.attempt();
        if (attempt < 1) {
            throw new InvalidInputException("attempt", "attempt counts from 1.");
        }
        long timeTakenMs = request.timeTakenMs() == null ? 0 : request.timeTakenMs();
        if (timeTakenMs < 0) {
            throw new InvalidInputException("timeTakenMs", "timeTakenMs cannot be negative.");
        }
        UserText.require("answer", request.answer());
        Grade g = grader.grade(q, request.answer(), attempt);
        // As in the drill page: an unreadable answer is feedback, not an attempt.
        boolean recorded = g.correct().isPresent() && users.of(authentication).map(user -> progress.record(
                user.getId(), q, request.answer(), g, Duration.ofMillis(timeTakenMs))).isPresent();
        MisconceptionView m = g.misconception().filter(x -> x != Misconception.WRONG_OPTION)
                .map(MisconceptionView::of).orElse(null);
        boolean over = Grader.over(g, attempt);
        String wrongStep = over ? null : g.misconception().filter(x -> x != Misconception.WRONG_OPTION)
                .flatMap(x -> WrongTurns.stepOf(g.solution().steps(), x)).map(Step::name).orElse(null);
        return new AnswerView(g.correct().orElse(null), g.score(), over, over ? g.expected() : null, m, wrongStep,
                g.feedback(), over ? new SolutionView(g.solution().steps(), g.solution().takeaway(), g.solution().lesson())
                        : null, recorded);
    }

    static QuestionView view(Question q) {
        boolean choice = q.kind() == QuestionKind.CHOICE;
        return new QuestionView(q.id().toString(), slug(q.topic()), q.difficulty().level(), choice ? "choice" : "numeric",
                q.text(), choice ? q.options().stream().map(o -> new OptionView(o.id(), o.text())).toList() : null,
                choice ? null : q.numeric().map(n -> n.unit().symbol()).orElse(""));
    }

    static String slug(Topic t) {
        return t.id();
    }

    private static Topic topic(String text) {
        try {
            return Topic.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("topic", "Unknown topic '" + text + "'. See GET /api/v1/topics.");
        }
    }

    private static QuestionKind kind(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "choice" -> QuestionKind.CHOICE;
            case "numeric" -> QuestionKind.NUMERIC;
            default -> throw new InvalidInputException("kind", "kind must be choice or numeric.");
        };
    }
}
