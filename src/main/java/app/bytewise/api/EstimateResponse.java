package app.bytewise.api;

import app.bytewise.engine.ByteCount;
import app.bytewise.engine.MemoryEstimate;
import app.bytewise.engine.Step;
import app.bytewise.engine.inference.InferenceResult;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The answer of {@code POST /api/v1/estimate}: exact bytes, both unit readings, and the worked steps. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EstimateResponse(String mode, ModelRef model, long parameters, long activeParameters,
        Map<String, Long> components, long totalBytes, long perGpuBytes, int gpuCount, Boolean fits, Size total,
        Size perGpu, Capacity capacity, List<StepView> steps, List<String> notes, Boolean guess, Long contextLimit,
        app.bytewise.engine.checkpoint.CheckpointReport checkpointFile,
        app.bytewise.engine.format.CheckpointBytes checkpoint, EngineInput.View engine, Frameworks frameworks) {

    /**
     * What DeepSpeed's estimators and Megatron-LM's report print for the same training set-up; {@code printed} is
     * each line as the framework prints it, to hold against a training log.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Frameworks(List<Row> deepspeedZero2, List<Row> deepspeedZero3, String deepspeedNote,
            Megatron megatron, String megatronNote) {

        public record Row(long cpuBytes, long gpuBytes, String options, String printed) {
        }

        public record Megatron(double parametersOnMostLoadedShard, double weightAndOptimizerBytes,
                double activationBytes, String printed) {
        }

        static Frameworks of(app.bytewise.engine.training.FrameworkChecks c) {
            java.util.function.Function<app.bytewise.engine.training.framework.DeepSpeedEstimator.Row, Row> row =
                    r -> new Row(r.cpuBytes(), r.gpuBytes(), r.options().strip(), r.printed());
            return new Frameworks(c.zero2().stream().map(row).toList(), c.zero3().stream().map(row).toList(),
                    c.deepSpeedNote(), c.megatron().map(m -> new Megatron(m.parametersOnMostLoadedShard(),
                            m.weightAndOptimizerBytes(), m.activationBytes(), m.printed())).orElse(null),
                    c.megatronNote());
        }
    }

    EstimateResponse withFrameworks(Frameworks checks) {
        return new EstimateResponse(mode, model, parameters, activeParameters, components, totalBytes, perGpuBytes,
                gpuCount, fits, total, perGpu, capacity, steps, notes, guess, contextLimit, checkpointFile, checkpoint,
                engine, checks);
    }

    public record ModelRef(String id, String name) {
    }

    /** A byte count with its decimal and binary readings (GB = 10^9 bytes, GiB = 2^30 bytes). */
    public record Size(long bytes, BigDecimal gb, BigDecimal gib, String display) {

        static Size of(long bytes) {
            ByteCount count = ByteCount.of(bytes);
            return new Size(bytes, count.gigabytes(), count.gibibytes(), count.display());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Capacity(Integer minimumGpus, Long longestContext, Integer largestBatch,
            Double decodeTokensPerSecond, Double prefillSeconds) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepView(String key, String name, String formula, List<Step.Input> inputs, BigDecimal result,
            String unit, Size size, String note) {

        static StepView of(Step step) {
            return new StepView(step.key(), step.name(), step.formula(), step.inputs(), step.result(), step.unit(),
                    step.isBytes() ? Size.of(step.byteCount().bytes()) : null, step.note().isEmpty() ? null : step.note());
        }
    }

    /**
     * @param model the model estimated: {@code guess} is true when it was counted as another family on
     *     request, and {@code contextLimit} is its {@code max_position_embeddings} when known
     * @param file the report on the user's checkpoint file, when the request carried one
     * @param weights the weight format; with {@code "weights": "checkpoint"} the answer's {@code checkpoint} gives
     *     the bytes and the elements per safetensors dtype the checkpoint loads, to hold against the Hugging Face
     *     API's {@code safetensors.parameters}
     * @param engine what the requested serving engine allocates, when one was asked for
     */
    static EstimateResponse of(MemoryEstimate m, app.bytewise.engine.model.Model model, Capacity capacity,
            java.util.Optional<app.bytewise.engine.checkpoint.CheckpointReport> file,
            app.bytewise.engine.format.WeightFormat weights, EngineInput.View engine) {
        app.bytewise.engine.format.CheckpointBytes checkpoint = weights instanceof app.bytewise.engine.format.CheckpointFormat c
                && model.hasTensors() ? c.checkpoint(model) : null;
        return new EstimateResponse(m.mode(), new ModelRef(model.id(), model.name()), m.parameters(), m.activeParameters(),
                m.components(), m.totalBytes(), m.perGpuBytes(), m.gpuCount(), m.fits().orElse(null),
                Size.of(m.totalBytes()), Size.of(m.perGpuBytes()), capacity,
                m.steps().stream().map(StepView::of).toList(), m.notes(), model.isGuess() ? Boolean.TRUE : null,
                model.contextLimit() > 0 ? model.contextLimit() : null, file.orElse(null), checkpoint, engine, null);
    }

    static Capacity capacity(InferenceResult r) {
        return new Capacity(r.minimumGpus().isPresent() ? r.minimumGpus().getAsInt() : null,
                r.longestContext().isPresent() ? r.longestContext().getAsLong() : null,
                r.largestBatch().isPresent() ? r.largestBatch().getAsInt() : null,
                r.decodeTokensPerSecond().orElse(null), r.prefillSeconds().orElse(null));
    }
}
