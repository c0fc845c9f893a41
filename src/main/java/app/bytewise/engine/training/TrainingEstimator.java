package app.bytewise.engine.training;

import app.bytewise.engine.ByteCount;
import app.bytewise.engine.MemoryEstimate;
import app.bytewise.engine.Step;
import app.bytewise.engine.Step.Input;
import app.bytewise.engine.WeightMemory;
import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Training memory per GPU: weights + gradients + optimizer state, sharded by ZeRO stage over the
 * data-parallel ranks (Rajbhandari et al. 2019, §5: stage 1 partitions optimizer state, stage 2
 * also gradients, stage 3 also parameters), divided by tensor × pipeline parallelism, plus
 * activations and a runtime overhead.
 */
public final class TrainingEstimator {

    private TrainingEstimator() {
    }

    public static MemoryEstimate estimate(TrainingRequest r) {
        Model model = r.model();
        Optimizer opt = r.optimizer();
        Accounting accounting = r.accounting();
        accounting.check(r);
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>(model.notes());
        long modelSplit = (long) r.tensorParallel() * r.pipelineParallel();
        int nd = r.dataParallel();
        int stage = r.zeroStage();
        boolean offloadStates = r.offload() != Offload.NONE;
        boolean offloadParams = r.offload() == Offload.OPTIMIZER_AND_PARAMS;

        long trainable;
        long weightsTotal;
        long gradientsTotal;
        long optimizerTotal;
        if (r.lora().isPresent()) {
            LoraSpec lora = r.lora().get();
            model.requireArchitecture("LoRA");
            trainable = loraParameters(lora, model);
            long frozen = WeightMemory.bytes(model, r.frozenBaseFormat().orElseThrow());
            weightsTotal = frozen + trainable * opt.weightBytes();
            gradientsTotal = trainable * opt.gradientBytes();
            optimizerTotal = opt.stateBytes(trainable);
            steps.add(new Step("loraParameters", "Trainable LoRA parameters", "Σ over targeted weights of r × (in + out)",
                    List.of(Input.of("r", lora.rank(), "rank"), Input.of("targets", lora.targets().size(), "kinds of module")),
                    java.math.BigDecimal.valueOf(trainable), "parameters",
                    String.format(Locale.ROOT, "%.3f%% of the %,d base parameters, which stay frozen in %s.",
                            100.0 * trainable / model.parameters(), model.parameters(),
                            r.frozenBaseFormat().get().label())));
        } else {
            trainable = model.parameters();
            weightsTotal = trainable * opt.weightBytes();
            gradientsTotal = trainable * accounting.gradientBytes(opt, stage);
            optimizerTotal = model.hasTensors()
                    ? opt.stateBytes(model.tensorGroups()) : opt.stateBytes(trainable);
        }

        // With pipeline parallelism the first stage holds the embedding and the last the output layer: each
        // stage's states are its share of the parameters (exact for weights and gradients, in proportion for
        // optimizer state), and the busier stage is the one a GPU must hold.
        java.util.Optional<PipelineStages> stages = r.pipelineParallel() > 1 && model.hasTensors() && r.lora().isEmpty()
                && model.architecture().isPresent()
                ? java.util.Optional.of(PipelineStages.of(model, r.pipelineParallel())) : java.util.Optional.empty();
        long stageParams = 0;
        boolean lastStage = false;
        if (stages.isPresent()) {
            Architecture a = model.architecture().orElseThrow();
            long states = weightsTotal + gradientsTotal + optimizerTotal;
            long first = stageStates(stages.get().first(), states, trainable)
                    + exact(() -> TrainingActivations.firstStage(a, r), () -> activationsTooLarge(r));
            long last = stageStates(stages.get().last(), states, trainable)
                    + exact(() -> TrainingActivations.lastStage(a, r), () -> activationsTooLarge(r));
            lastStage = last > first;
            stageParams = lastStage ? stages.get().last() : stages.get().first();
        }
        long stageShare = stageParams;
        boolean lastBusiest = lastStage;
        long t = r.tensorParallel();
        java.util.function.LongUnaryOperator perShard = stages.isPresent()
                ? total -> proportion(total, stageShare, Math.multiplyExact(trainable, t))
                : total -> Math.ceilDiv(total, modelSplit);
        long weights = offloadParams ? 0 : shard(perShard.applyAsLong(weightsTotal), stage >= 3 ? nd : 1);
        long gradients = offloadStates ? 0 : shard(perShard.applyAsLong(gradientsTotal), stage >= 2 ? nd : 1);
        long optimizer = offloadStates ? 0 : shard(perShard.applyAsLong(optimizerTotal), stage >= 1 ? nd : 1);
        stages.ifPresent(st -> steps.add(st.step()));

        String share = stages.isPresent() ? "Ψ_stage / t" : "Ψ / (t·p)";
        List<Input> split = stages.isPresent()
                ? List.of(Input.of("Ψ_stage", stageShare, "parameters on the busiest stage"),
                        Input.of("Ψ", trainable, "trainable parameters"), Input.of("N_d", nd, "data-parallel ranks"),
                        Input.of("t", t, "tensor-parallel"), Input.of("ZeRO stage", stage, ""))
                : List.of(Input.of("Ψ", trainable, "trainable parameters"), Input.of("N_d", nd, "data-parallel ranks"),
                Input.of("t × p", modelSplit, "model-parallel split"), Input.of("ZeRO stage", stage, ""));
        steps.add(Step.bytes("weights", "Weights per GPU", "w·" + share + (stage >= 3 ? " / N_d" : ""), split, weights,
                offloadParams ? "Offloaded to CPU (ZeRO-Infinity)." : "w = " + opt.weightBytes() + " bytes per parameter ("
                        + opt.label() + ")" + (r.lora().isPresent() ? "; the frozen base is counted in its storage format." : ".")));
        steps.add(Step.bytes("gradients", "Gradients per GPU", "g·" + share + (stage >= 2 ? " / N_d" : ""), split,
                gradients, offloadStates ? "Offloaded to CPU (ZeRO-Offload)." : accounting.gradientNote(opt, stage)));
        steps.add(Step.bytes("optimizer", "Optimizer state per GPU", "K·" + share + (stage >= 1 ? " / N_d" : ""), split,
                optimizer, offloadStates ? "Offloaded to CPU (ZeRO-Offload)." : "K = " + opt.kDescription() + "."));
        if (offloadStates && accounting == Accounting.DEEPSPEED) {
            steps.add(DeepSpeedTerms.cpuStep(r, () -> largestTensor(model)));
        } else if (offloadStates) {
            long cpu = Math.ceilDiv(gradientsTotal + optimizerTotal + (offloadParams ? weightsTotal : 0), modelSplit);
            steps.add(Step.bytes("cpuOffload", "Held in CPU memory instead (per model replica shard)",
                    "(gradients + optimizer state" + (offloadParams ? " + weights" : "") + ") / (t·p)", split, cpu,
                    "CPU memory is summed over the data-parallel ranks of one node; PCIe bandwidth becomes the limit."));
        }

        Map<String, Long> components = new LinkedHashMap<>();
        components.put("weights", weights);
        components.put("gradients", gradients);
        components.put("optimizer", optimizer);
        if (accounting == Accounting.DEEPSPEED && stage == 3) {
            long largest = largestTensor(model);
            components.put("gatheredParameters", 4 * largest);
            steps.add(Step.bytes("gatheredParameters", "Largest layer gathered whole (ZeRO-3)", "4 × largest layer",
                    List.of(Input.of("largest layer", largest, "parameters")), 4 * largest, "DeepSpeed's "
                            + "largest_layer_memory: its 16-bit parameters gathered and 16-bit gradients computed. The "
                            + "largest tensor stands for the largest module."));
        }
        if (accounting == Accounting.DEEPSPEED) {
            components.put("zeroBuffers", DeepSpeedTerms.buffers(model, r, steps));
        }
        if (accounting != Accounting.ZERO_PAPER) {
            notes.add("Accounting: " + accounting.label() + ".");
        }
        app.bytewise.engine.ContextLimit.warning(model, r.sequenceLength()).ifPresent(notes::add);
        model.architecture().ifPresentOrElse(a -> {
            Step act = activations(a, r);
            steps.add(act);
            Step output = exact(() -> TrainingActivations.outputStep(a, r), () -> activationsTooLarge(r));
            steps.add(output);
            if (r.pipelineParallel() == 1) {
                components.put("activations", act.byteCount().bytes());
                components.put("outputActivations", output.byteCount().bytes());
            } else {
                Step last = exact(() -> TrainingActivations.lastStageStep(a, r), () -> activationsTooLarge(r));
                steps.add(last);
                components.put("activations", lastBusiest ? last.byteCount().bytes() : act.byteCount().bytes());
                if (lastBusiest) {
                    notes.add("The last pipeline stage is the busiest: its output layer and loss outweigh the first "
                            + "stage's embedding and extra micro-batches in flight.");
                }
            }
        }, () -> notes.add("A bare parameter count has no layers or heads: activations are not counted."));
        components.put("overhead", r.overheadBytes());
        steps.add(Step.bytes("overhead", "Runtime overhead per GPU", "CUDA context, framework, allocator",
                List.of(), r.overheadBytes(), "About 1 GiB by default; set your own measured figure."));
        if (r.pipelineParallel() > 1) {
            steps.addAll(PipelineBubble.steps(r.pipelineParallel(), r.microBatches()));
        }

        long perGpu = exact(() -> components.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact),
                () -> activationsTooLarge(r));
        int gpus = r.totalGpus();
        steps.add(Step.bytes("perGpu", "Per GPU", String.join(" + ", components.keySet()), List.of(), perGpu,
                ByteCount.of(perGpu).display()));
        long total = exact(() -> Math.multiplyExact(perGpu, (long) gpus), () -> new InvalidInputException("gpus",
                String.format(Locale.ROOT, "%s on each of %,d GPUs is more than a 64-bit byte count holds (9.2 EB) "
                        + "in total: use fewer GPUs.", ByteCount.of(perGpu).display(), gpus)));
        if (opt == Optimizer.ADAMW_MIXED && r.lora().isEmpty()) {
            notes.add(String.format(Locale.ROOT, "The popular \"10 bytes per parameter\" (2 B weights + 8 B Adam moments) "
                    + "forgets the gradients and the FP32 master weights: it gives %s of model states where mixed-precision "
                    + "Adam needs 16 bytes per parameter, %s.", ByteCount.of(10 * trainable).display(),
                    ByteCount.of(16 * trainable).display()));
        }
        var fits = r.gpu().map(g -> g.fits(perGpu));
        r.gpu().ifPresent(g -> notes.add(g.fitNote(perGpu)));
        return new MemoryEstimate("training", model.parameters(), model.activeParameters(), components, total, perGpu,
                gpus, fits, steps, notes);
    }

    /**
     * Adapters on every targeted matrix; with rank 4096 on all linear layers of a very large model they
     * can outnumber what an estimate holds ({@link Model#MAX_PARAMETERS}), which the rank is to blame for.
     */
    private static long loraParameters(LoraSpec lora, Model model) {
        long n = exact(() -> lora.trainableParameters(model.tensorGroups()), () -> tooManyAdapters(lora));
        if (n > Model.MAX_PARAMETERS) {
            throw tooManyAdapters(lora);
        }
        return n;
    }

    private static InvalidInputException tooManyAdapters(LoraSpec lora) {
        return new InvalidInputException("lora.rank", "Rank " + lora.rank() + " on these targets gives more than "
                + "10^15 adapter parameters, more than Bytewise estimates: use a lower rank or fewer targets.");
    }

    /**
     * The model states are bounded by the model; activations grow with sequence × micro-batch and can
     * overflow a 64-bit byte count, which then names the batch when one sequence would fit, else the length.
     */
    private static Step activations(Architecture a, TrainingRequest r) {
        return exact(() -> TrainingActivations.step(a, r), () -> activationsTooLarge(r));
    }

    private static InvalidInputException activationsTooLarge(TrainingRequest r) {
        boolean oneSequenceFits = r.microBatchSize() > 1 && r.model().architecture().map(a -> {
            try {
                TrainingActivations.step(a, r.withActivations(r.sequenceLength(), 1, r.recompute(), r.flashAttention()));
                return true;
            } catch (ArithmeticException overflow) {
                return false;
            }
        }).orElse(false);
        String field = oneSequenceFits ? "batchSize" : "contextLength";
        return new InvalidInputException(field, String.format(Locale.ROOT, "The activations of %,d tokens × %,d "
                + "sequences need more memory than a 64-bit byte count holds (9.2 EB): reduce %s.", r.sequenceLength(),
                r.microBatchSize(), oneSequenceFits ? "the micro-batch size" : "the sequence length"));
    }

    /** The value, or {@code refusal} when computing it overflows a {@code long}. */
    private static <T> T exact(Supplier<T> value, Supplier<InvalidInputException> refusal) {
        try {
            return value.get();
        } catch (ArithmeticException overflow) {
            throw refusal.get();
        }
    }

    /** Parameters of the largest tensor. */
    private static long largestTensor(Model model) {
        if (!model.hasTensors()) {
            throw new InvalidInputException("accounting", "DeepSpeed's ZeRO-3 count gathers the largest layer whole; a "
                    + "bare parameter count has no layers: choose a model with its tensors, or another accounting.");
        }
        return model.tensorGroups().stream().mapToLong(g -> g.first().elements()).max().orElseThrow();
    }

    /** The model states of a stage of {@code stageParams} parameters, before any sharding. */
    private static long stageStates(long stageParams, long statesTotal, long trainable) {
        return proportion(statesTotal, stageParams, trainable);
    }

    /** ⌈total × part / whole⌉, exact beyond 64-bit products. */
    private static long proportion(long total, long part, long whole) {
        java.math.BigInteger[] qr = java.math.BigInteger.valueOf(total).multiply(java.math.BigInteger.valueOf(part))
                .divideAndRemainder(java.math.BigInteger.valueOf(whole));
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }

    private static long shard(long bytes, int ranks) {
        return Math.ceilDiv(bytes, ranks);
    }
}
