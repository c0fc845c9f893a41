package app.bytewise.api;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.inference.InferenceEstimator;
import app.bytewise.engine.inference.InferenceResult;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.training.TrainingEstimator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/estimate}: memory for inference or training, with the worked steps. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Estimate", description = "GPU memory for inference and training")
class EstimateController {

    private final RequestMapper mapper;

    EstimateController(RequestMapper mapper) {
        this.mapper = mapper;
    }

    @Operation(summary = "Estimate GPU memory", description = "Exact bytes per component (weights, kvCache, "
            + "activations, gradients, optimizer, overhead), the total, bytes per GPU, whether it fits the chosen GPU, "
            + "and every step of the computation. Bad input answers 400 with a problem detail naming the field.")
    @PostMapping(path = "/estimate", consumes = MediaType.APPLICATION_JSON_VALUE)
    EstimateResponse estimate(@RequestBody EstimateRequest request) {
        RequestMapper.ModelInput input = mapper.modelInput(request.model());
        Model model = input.model();
        String mode = request.mode() == null ? "inference" : request.mode().strip().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "inference" -> {
                app.bytewise.engine.inference.InferenceRequest inference = mapper.inference(request, model);
                InferenceResult result = InferenceEstimator.estimate(inference);
                EngineInput.View engine = request.engine() == null ? null
                        : request.engine().allocate(inference, result.memory().component("weights"));
                yield EstimateResponse.of(result.memory(), model, EstimateResponse.capacity(result), input.checkpoint(),
                        inference.weights(), engine);
            }
            case "training" -> {
                if (request.engine() != null) {
                    throw new InvalidInputException("engine", "An engine profile is for inference; leave engine out "
                            + "for training.");
                }
                var training = mapper.training(request, model);
                yield EstimateResponse.of(TrainingEstimator.estimate(training), model, null, input.checkpoint(), null,
                        null).withFrameworks(EstimateResponse.Frameworks.of(
                                app.bytewise.engine.training.FrameworkChecks.of(training)));
            }
            default -> throw new InvalidInputException("mode", "mode must be inference or training");
        };
    }
}
