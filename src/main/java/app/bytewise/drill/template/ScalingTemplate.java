package app.bytewise.drill.template;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.NumericTemplate;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.TemplateKey;
import app.bytewise.drill.Topic;
import app.bytewise.drill.answer.Unit;
import app.bytewise.engine.MemoryEstimate;
import app.bytewise.engine.Step;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.inference.KvCache;
import app.bytewise.engine.inference.KvFormat;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.training.LoraSpec;
import app.bytewise.engine.training.Offload;
import app.bytewise.engine.training.Optimizer;
import app.bytewise.engine.training.Recompute;
import app.bytewise.engine.training.TrainingActivations;
import app.bytewise.engine.training.TrainingEstimator;
import app.bytewise.engine.training.TrainingRequest;
import java.util.List;
import java.util.SplittableRandom;

/** How memory scales with the tools that shrink it: recomputation, tensor parallelism, offload, QLoRA. */
public final class ScalingTemplate extends NumericTemplate {

    public enum Variant {
        FULL_RECOMPUTE("activations-full-recompute", Topic.ACTIVATIONS, Difficulty.EASY),
        SELECTIVE_TENSOR_PARALLEL("activations-selective-tp", Topic.ACTIVATIONS, Difficulty.MEDIUM),
        TENSOR_PARALLEL_KV("kv-cache-tensor-parallel", Topic.PARALLELISM, Difficulty.MEDIUM),
        OFFLOAD_CPU("zero-offload-cpu-memory", Topic.ZERO, Difficulty.MEDIUM),
        QLORA("qlora-model-states", Topic.TRAINING_MEMORY, Difficulty.HARD);

        final TemplateKey key;

        Variant(String id, Topic topic, Difficulty difficulty) {
            key = new TemplateKey(id, topic, difficulty);
        }
    }

    private final DrillContext context;
    private final Variant variant;

    public ScalingTemplate(DrillContext context, Variant variant) {
        super(variant.key);
        this.context = context;
        this.variant = variant;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        CatalogModel m = context.model(random, c -> c.model().architecture().orElseThrow().family()
                .matches("llama|mistral|qwen2") && c.model().parameters() < 100_000_000_000L);
        Architecture a = m.model().architecture().orElseThrow();
        long s = DrillContext.within(m, 1024L << random.nextInt(3));
        int b = 1 + random.nextInt(8);
        int t = 2 << random.nextInt(2);
        return switch (variant) {
            case FULL_RECOMPUTE -> {
                long perLayer = TrainingActivations.perLayer(a, s, b, 1, false, Recompute.FULL, false);
                long stored = TrainingActivations.perLayer(a, s, b, 1, false, Recompute.SELECTIVE, false);
                yield new Scenario(String.format("Training %s (%d layers, hidden %d) with full activation recomputation, "
                        + "micro-batch %d, sequence %,d: how much do the stored layer inputs take, in GB?", m.name(),
                        a.layers(), a.hiddenSize(), b, s), NumericAnswer.bytes(perLayer * a.layers(), Unit.GB),
                        Scenario.wrong(Misconception.PER_LAYER_ONLY, perLayer,
                                Misconception.FORGOT_RECOMPUTE, stored * a.layers(),
                                Misconception.FORGOT_BATCH, perLayer * a.layers() / b),
                        List.of(step("Full recomputation", "2·s·b·h × layers", perLayer * a.layers())),
                        "Full recomputation keeps only 2·s·b·h bytes per layer and recomputes the rest in the backward pass.");
            }
            case SELECTIVE_TENSOR_PARALLEL -> {
                long perLayer = TrainingActivations.perLayer(a, s, b, t, true, Recompute.SELECTIVE, false);
                long total = perLayer * a.layers();
                long noTp = TrainingActivations.perLayer(a, s, b, 1, false, Recompute.SELECTIVE, false);
                long none = TrainingActivations.perLayer(a, s, b, t, true, Recompute.NONE, false);
                yield new Scenario(String.format("Training %s (%d layers, hidden %d, %d heads) with selective "
                        + "recomputation, tensor parallelism t = %d and sequence parallelism, micro-batch %d, sequence "
                        + "%,d: how much activation memory does each GPU store, in GB (Korthikanti et al.: 34·s·b·h/t per "
                        + "layer)?", m.name(), a.layers(), a.hiddenSize(), a.attentionHeads(), t, b, s),
                        NumericAnswer.bytes(total, Unit.GB),
                        Scenario.wrong(Misconception.FORGOT_DIVISION, noTp * a.layers(),
                                Misconception.FORGOT_RECOMPUTE, none * a.layers(),
                                Misconception.PER_LAYER_ONLY, perLayer),
                        List.of(step("Selective recomputation with TP and SP", "34·s·b·h/t × layers", total)),
                        "Sequence parallelism lets tensor parallelism divide every activation by t, not just the attention and MLP.");
            }
            case TENSOR_PARALLEL_KV -> {
                long tokens = DrillContext.within(m, s * 8);
                long kv = KvCache.bytes(a, KvFormat.FP16, tokens, b, 0);
                long perGpu = kv / t;
                yield new Scenario(String.format("%s (%d layers, %d attention heads, %d KV heads of dimension %d) serves %d "
                        + "sequences of %,d tokens with tensor parallelism over %d GPUs, which splits the KV heads.%s How "
                        + "much FP16 KV cache does each GPU hold, in GiB?", m.name(), a.layers(), a.attentionHeads(),
                        a.kvHeads(), a.headDim(), b, tokens, t, DrillContext.windowPremise(m, tokens)),
                        NumericAnswer.bytes(perGpu, Unit.GIB_UNIT),
                        Scenario.wrong(Misconception.IGNORED_SLIDING_WINDOW, DrillContext.windowPremise(m, tokens).isEmpty()
                                        ? 0 : DrillContext.ignoringWindow(a, tokens, b) / t,
                                Misconception.FORGOT_DIVISION, kv,
                                Misconception.KV_NO_FACTOR_TWO, perGpu / 2,
                                Misconception.KV_ATTENTION_HEADS, perGpu * a.gqaGroupSize(),
                                Misconception.FORGOT_BATCH, perGpu / b),
                        List.of(KvCache.step(a, KvFormat.FP16, tokens, b, 0), Step.bytes("perGpu", "KV cache per GPU",
                                "KV cache / t", List.of(Step.Input.of("t", t, "GPUs")), perGpu, "")),
                        "Tensor parallelism gives each GPU its share of the KV heads, so the cache divides by t.");
            }
            case OFFLOAD_CPU -> {
                TrainingRequest r = TrainingRequest.of(m.model(), Optimizer.ADAMW_MIXED).withZero(2, 1)
                        .withOffload(Offload.OPTIMIZER).withOverhead(0);
                MemoryEstimate e = TrainingEstimator.estimate(r);
                long cpu = e.step("cpuOffload").byteCount().bytes();
                long psi = m.model().parameters();
                yield new Scenario(String.format("You train %s (%,d parameters) on one GPU with mixed-precision AdamW and "
                        + "ZeRO-Offload, which moves gradients and the optimizer state (FP32 master weights, momentum, "
                        + "variance) to CPU memory. How much CPU memory do they take, in GB?", m.name(), psi),
                        NumericAnswer.bytes(cpu, Unit.GB),
                        Scenario.wrong(Misconception.FORGOT_GRADIENTS, 12 * psi,
                                Misconception.FORGOT_MASTER_WEIGHTS, 10 * psi,
                                Misconception.WRONG_ZERO_STAGE, 16 * psi),
                        List.of(e.step("cpuOffload")), "ZeRO-Offload keeps only the 16-bit weights on the GPU; 14 bytes per parameter go to the CPU.");
            }
            case QLORA -> {
                int rank = 8 << random.nextInt(4);
                List<String> targets = DrillContext.pick(random, List.of(List.of("q_proj", "v_proj"),
                        List.of("q_proj", "k_proj", "v_proj", "o_proj"), List.of("all-linear")));
                LoraSpec lora = LoraSpec.of(rank, targets);
                MemoryEstimate e = TrainingEstimator.estimate(TrainingRequest.of(m.model(), Optimizer.ADAMW_MIXED)
                        .withLora(lora, Formats.parse("nf4-dq")).withOverhead(0));
                long states = e.component("weights") + e.component("gradients") + e.component("optimizer");
                long n = m.model().parameters();
                long adapters = lora.trainableParameters(m.model().tensorGroups());
                yield new Scenario(String.format("You fine-tune %s (%,d parameters) with QLoRA: the base in NF4 with double "
                        + "quantization (block linear layers; embeddings, head and norms in BF16), LoRA rank %d on %s "
                        + "(%,d trainable parameters) with mixed-precision AdamW. How much do the weights, gradients "
                        + "and optimizer state take, before activations, in GB?", m.name(), n, rank,
                        String.join(", ", targets), adapters),
                        NumericAnswer.bytes(states, Unit.GB),
                        Scenario.wrong(Misconception.NOMINAL_BITS, n / 2 + 16 * adapters,
                                Misconception.WRONG_FORMAT_BYTES, 2 * n + 16 * adapters,
                                Misconception.ADAM_TEN_BYTES, states - 6 * adapters,
                                Misconception.FROZEN_BASE_TRAINED, 16 * n),
                        e.steps().stream().filter(x -> List.of("loraParameters", "weights", "gradients", "optimizer")
                                .contains(x.key())).toList(),
                        "QLoRA's memory is the 4-bit base plus 16 bytes per adapter parameter: the frozen base has no gradients or optimizer state.");
            }
        };
    }

    private static Step step(String name, String formula, long bytes) {
        return Step.bytes("activations", name, formula, List.of(), bytes, "Korthikanti et al. 2022, Table 2.");
    }
}
