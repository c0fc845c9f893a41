package app.bytewise.api;

import app.bytewise.api.DrillController.QuestionView;
import app.bytewise.api.ScenarioController.ScenarioView;
import app.bytewise.drill.interview.Interview;
import app.bytewise.drill.interview.InterviewAnswers;
import app.bytewise.drill.interview.InterviewDraw;
import app.bytewise.drill.interview.InterviewId;
import app.bytewise.drill.interview.InterviewMarking;
import app.bytewise.drill.interview.InterviewPlan;
import app.bytewise.drill.interview.InterviewReport;
import app.bytewise.engine.InvalidInputException;
import app.bytewise.security.UserText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The mock interview, stateless: starting one returns its questions and scenario under an id that
 * regenerates them, and the report is computed from that id and the answers. Nothing is graded
 * before the report; the time limit is the caller's to keep (a missing answer is a blank).
 */
@RestController
@RequestMapping("/api/v1/interviews")
@Tag(name = "Mock interview", description = "A timed set of mixed questions and one scenario, marked at the end")
class InterviewController {

    private final InterviewDraw draw;
    private final InterviewMarking marking;

    InterviewController(InterviewDraw draw, InterviewMarking marking) {
        this.draw = draw;
        this.marking = marking;
    }

    /** Every field optional: 8 questions, 20 minutes and a random seed by default. */
    record StartRequest(Integer questions, Integer minutes, Long seed) {
    }

    record InterviewView(String id, int questions, int minutes, long timeLimitSeconds, List<QuestionView> items,
            ScenarioView scenario) {
    }

    /** {@code answers}: question id → answer; {@code steps}: the scenario's step answers in order. */
    record ReportRequest(Map<String, String> answers, List<String> steps, Boolean timedOut) {
    }

    @Operation(summary = "Start an interview", description = "questions is 4, 8 or 12 and minutes 10, 20, 30 or 45; the "
            + "same plan and seed always give the same interview.")
    @PostMapping
    InterviewView start(@RequestBody(required = false) StartRequest request) {
        StartRequest r = request == null ? new StartRequest(null, null, null) : request;
        InterviewPlan plan = new InterviewPlan(r.questions() == null ? InterviewPlan.STANDARD.questions() : r.questions(),
                r.minutes() == null ? InterviewPlan.STANDARD.minutes() : r.minutes());
        if (r.seed() != null && r.seed() < 0) {
            throw new InvalidInputException("seed", "seed cannot be negative.");
        }
        long seed = r.seed() != null ? r.seed() : ThreadLocalRandom.current().nextLong(1L << 48);
        Interview iv = draw.draw(new InterviewId(plan, seed));
        return new InterviewView(iv.id().toString(), plan.questions(), plan.minutes(), plan.limit().toSeconds(),
                iv.questions().stream().map(DrillController::view).toList(), ScenarioController.view(iv.scenario()));
    }

    @Operation(summary = "Mark an interview: the report per topic, the misconceptions seen and the worked solutions",
            description = "At most one answer per question of the interview and one per scenario step, each at most "
                    + "200 characters; a missing or blank answer counts as blank.")
    @PostMapping("/{id}/report")
    InterviewReportView report(@PathVariable String id, @RequestBody ReportRequest request) {
        InterviewId iid;
        try {
            iid = InterviewId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No interview has the id '" + id + "'.");
        }
        InterviewAnswers answers = new InterviewAnswers(request.answers(), request.steps());
        answers.questions().forEach((qid, text) -> UserText.require("answers." + qid, text));
        for (int i = 0; i < answers.steps().size(); i++) {
            UserText.require("steps[" + i + "]", answers.steps().get(i));
        }
        InterviewReport report = marking.report(draw.draw(iid), answers, Boolean.TRUE.equals(request.timedOut()));
        return InterviewReportView.of(report);
    }
}
