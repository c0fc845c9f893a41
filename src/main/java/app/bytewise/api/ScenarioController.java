package app.bytewise.api;

import app.bytewise.api.DrillController.MisconceptionView;
import app.bytewise.api.DrillController.QuestionView;
import app.bytewise.api.DrillController.SolutionView;
import app.bytewise.drill.Grade;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.scenario.ScenarioCatalog;
import app.bytewise.drill.scenario.ScenarioGrader;
import app.bytewise.drill.scenario.ScenarioId;
import app.bytewise.drill.scenario.ScenarioTemplate;
import app.bytewise.drill.scenario.StepScenario;
import app.bytewise.engine.InvalidInputException;
import app.bytewise.security.UserText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Multi-step scenarios: draw one (its steps without their answers) and grade a step. Stateless: the
 * scenario id regenerates the scenario, and the caller says which attempt an answer is.
 */
@RestController
@RequestMapping("/api/v1/scenarios")
@Tag(name = "Scenarios", description = "Interview problems in steps, each graded on its own")
class ScenarioController {

    private final ScenarioCatalog scenarios;
    private final ScenarioGrader grader;

    ScenarioController(ScenarioCatalog scenarios, ScenarioGrader grader) {
        this.scenarios = scenarios;
        this.grader = grader;
    }

    record TemplateView(String id, String title, String topic) {
    }

    record StepView(int index, String key, String title, QuestionView question) {
    }

    record ScenarioView(String id, String title, String topic, String premise, List<StepView> steps) {
    }

    record StepAnswerRequest(String answer, Integer attempt) {
    }

    /** {@code expected} and {@code solution} only once the step is over (right, or a second readable miss). */
    record StepAnswerView(int index, String key, String title, Boolean correct, double score, boolean over,
            String expected, MisconceptionView misconception, String feedback, SolutionView solution) {
    }

    @Operation(summary = "The scenario templates")
    @GetMapping
    List<TemplateView> templates() {
        return scenarios.all().stream().map(t -> new TemplateView(t.id(), t.title(), DrillController.slug(t.topic())))
                .toList();
    }

    @Operation(summary = "Draw a scenario (without its answers)", description = "The same template and seed always give "
            + "the identical scenario; without a seed a random one is drawn.")
    @GetMapping("/{template}")
    ScenarioView draw(@PathVariable String template, @RequestParam(required = false) Long seed) {
        ScenarioTemplate t = scenarios.find(template).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "No scenario template '" + template + "'."));
        if (seed != null && seed < 0) {
            throw new InvalidInputException("seed", "seed cannot be negative.");
        }
        return view(t.draw(seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 48)));
    }

    @Operation(summary = "Grade one step: a typed number with its unit, or the verdict's option id",
            description = "A step is graded against the correct values of the steps before it. The expected answer "
                    + "and the step's solution come once the step is over (over: right, or a miss at attempt 2 or later).")
    @PostMapping("/{id}/steps/{index}/answer")
    StepAnswerView answer(@PathVariable String id, @PathVariable int index, @RequestBody StepAnswerRequest request) {
        StepScenario s = find(id);
        if (index < 0 || index >= s.steps().size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Scenario '" + id + "' has steps 0 to "
                    + (s.steps().size() - 1) + ".");
        }
        int attempt = request.attempt() == null ? 1 : request.attempt();
        if (attempt < 1) {
            throw new InvalidInputException("attempt", "attempt counts from 1.");
        }
        UserText.require("answer", request.answer());
        app.bytewise.drill.answer.AnswerLength.check("answer", request.answer());
        ScenarioGrader.StepGrade g = grader.grade(s, index, request.answer(), attempt);
        Grade grade = g.grade();
        MisconceptionView m = grade.misconception().filter(x -> x != Misconception.WRONG_OPTION)
                .map(MisconceptionView::of).orElse(null);
        return new StepAnswerView(index, g.step().key(), g.step().title(), grade.correct().orElse(null), grade.score(),
                g.over(), g.over() ? grade.expected() : null, m, grade.feedback(), g.over()
                        ? new SolutionView(grade.solution().steps(), grade.solution().takeaway(), grade.solution().lesson())
                        : null);
    }

    private StepScenario find(String id) {
        try {
            return scenarios.scenario(ScenarioId.parse(id)).orElseThrow(() -> notFound(id));
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No scenario has the id '" + id + "'.");
    }

    static ScenarioView view(StepScenario s) {
        return new ScenarioView(s.id().toString(), s.title(), DrillController.slug(s.topic()), s.premise(),
                IntStream.range(0, s.steps().size()).mapToObj(i -> new StepView(i, s.step(i).key(), s.step(i).title(),
                        DrillController.view(s.step(i).question()))).toList());
    }
}
