package app.bytewise.drill.template;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.NumericTemplate;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.TemplateKey;
import app.bytewise.drill.Tolerance;
import app.bytewise.drill.Topic;
import app.bytewise.drill.answer.Unit;
import app.bytewise.engine.MemoryEstimate;
import app.bytewise.engine.Step;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.training.Optimizer;
import app.bytewise.engine.training.TrainingEstimator;
import app.bytewise.engine.training.TrainingRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/** Optimizer variants, the GPUs ZeRO-3 needs, and the traffic of data parallelism over PCIe or a ring. */
public final class MoreTrainingTemplate extends NumericTemplate {

    /** PCIe 4.0 x16: 16 GT/s × 16 lanes × 128/130 encoding / 8 bits = 31.5 GB/s per direction (PCI-SIG). */
    static final double PCIE4_X16_BYTES_PER_S = 16e9 * 16 * 128 / 130 / 8;

    public enum Variant {
        FP32_ADAM("adam-fp32-states", Topic.TRAINING_MEMORY, Difficulty.EASY),
        EIGHT_BIT_ADAM("adam-8bit-states", Topic.TRAINING_MEMORY, Difficulty.MEDIUM),
        ZERO3_MIN_GPUS("zero3-minimum-gpus", Topic.ZERO, Difficulty.HARD),
        RING_ALLREDUCE("ring-allreduce-traffic", Topic.PARALLELISM, Difficulty.MEDIUM),
        PCIE_COPY("pcie-copy-time", Topic.PARALLELISM, Difficulty.EASY);

        final TemplateKey key;

        Variant(String id, Topic topic, Difficulty difficulty) {
            key = new TemplateKey(id, topic, difficulty);
        }
    }

    private final DrillContext context;
    private final Variant variant;

    public MoreTrainingTemplate(DrillContext context, Variant variant) {
        super(variant.key);
        this.context = context;
        this.variant = variant;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        CatalogModel m = context.model(random, c -> c.model().parameters() < 80_000_000_000L);
        Model model = m.model();
        long psi = model.parameters();
        String subject = String.format("%s (%,d parameters)", m.name(), psi);
        return switch (variant) {
            case FP32_ADAM, EIGHT_BIT_ADAM -> {
                Optimizer opt = variant == Variant.FP32_ADAM ? Optimizer.ADAMW : Optimizer.ADAMW_8BIT;
                MemoryEstimate e = TrainingEstimator.estimate(TrainingRequest.of(model, opt).withOverhead(0));
                long states = e.component("weights") + e.component("gradients") + e.component("optimizer");
                String how = opt == Optimizer.ADAMW ? "pure FP32 AdamW (FP32 weights, gradients, momentum and variance)"
                        : "8-bit AdamW (BF16 weights and gradients, FP32 master weights, momentum and variance as 8-bit "
                                + "codes with two FP32 absmax per 256 values, as bitsandbytes stores them; tensors under 4,096 "
                                + "elements keep FP32 states)";
                yield new Scenario(String.format("You train %s with %s. How much memory do the model states take, in GB?",
                        subject, how), NumericAnswer.bytes(states, Unit.GB),
                        opt == Optimizer.ADAMW
                                ? Scenario.wrong(Misconception.FORGOT_GRADIENTS, 12 * psi,
                                        Misconception.ADAM_TEN_BYTES, 10 * psi, Misconception.WRONG_FORMAT_BYTES, 8 * psi)
                                : Scenario.wrong(Misconception.WRONG_FORMAT_BYTES, 16 * psi,
                                        Misconception.FORGOT_MASTER_WEIGHTS, 6 * psi, Misconception.FORGOT_GRADIENTS, 8 * psi),
                        e.steps().stream().filter(x -> List.of("weights", "gradients", "optimizer").contains(x.key())).toList(),
                        opt == Optimizer.ADAMW ? "FP32 Adam: 4 + 4 + 8 = 16 bytes per parameter, the same total as mixed precision."
                                : "8-bit Adam shrinks momentum and variance to about 1 byte each; the FP32 master copy stays.");
            }
            case ZERO3_MIN_GPUS -> {
                Gpu gpu = context.gpu(random, "a100-40gb-sxm", "a100-80gb-sxm", "h100-sxm", "rtx-4090", "l40s");
                // Half of what the driver reports, not half of the label.
                long budget = gpu.usableBytes() / 2;
                long n = Math.ceilDiv(16 * psi, budget);
                yield new Scenario(String.format("You train %s with mixed-precision AdamW and ZeRO stage 3 on %s GPUs "
                        + "(%s), leaving half of each GPU for activations and buffers. How many data-parallel GPUs "
                        + "are needed at least for the model states?", subject, gpu.name(), UsableMemory.phrase(gpu)),
                        NumericAnswer.count(n),
                        Scenario.wrong(Misconception.LABEL_AS_USABLE, Math.ceilDiv(16 * psi, gpu.memoryBytes() / 2),
                                Misconception.ADAM_TEN_BYTES, Math.ceilDiv(10 * psi, budget),
                                Misconception.GB_AS_GIB, Math.ceilDiv(16 * psi, UsableMemory.decimalMisread(gpu) / 2),
                                // Stage 2's count: 16-bit weights whole on every GPU, the other 14 bytes sharded.
                                Misconception.WRONG_ZERO_STAGE, budget > 2 * psi ? Math.ceilDiv(14 * psi, budget - 2 * psi) : 0,
                                Misconception.BITS_AS_BYTES, Math.ceilDiv(128 * psi, budget)),
                        List.of(UsableMemory.step(gpu), new Step("gpus", "GPUs for ZeRO-3 model states",
                                "⌈16·Ψ / (usable memory / 2)⌉", List.of(Step.Input.of("Ψ", psi, "parameters"),
                                        Step.Input.of("budget", budget, "bytes per GPU")), BigDecimal.valueOf(n), "GPUs", "")),
                        "ZeRO-3 divides all 16 bytes per parameter by the GPU count; each GPU offers what its driver reports.");
            }
            case RING_ALLREDUCE -> {
                int ranks = 2 << random.nextInt(6);
                long grads = 2 * psi;
                double sent = 2.0 * (ranks - 1) / ranks * grads;
                yield new Scenario(String.format("Data-parallel training of %s over %d GPUs all-reduces the BF16 gradients "
                        + "with a ring after every step. How much data does each GPU send per step, in GB?", subject, ranks),
                        new NumericAnswer(BigDecimal.valueOf(sent), Unit.GB, 2, Tolerance.DEFAULT),
                        Scenario.wrong(Misconception.RING_NO_FACTOR_TWO, sent / 2,
                                Misconception.WRONG_FORMAT_BYTES, sent * 2,
                                Misconception.FORGOT_DIVISION, (double) grads * (ranks - 1)),
                        List.of(new Step("allreduce", "Ring all-reduce traffic per GPU", "2·(N−1)/N × gradient bytes",
                                List.of(Step.Input.of("N", ranks, "GPUs"), Step.Input.of("gradients", grads, "bytes")),
                                BigDecimal.valueOf(sent), "bytes", "")),
                        "A ring all-reduce sends about twice the gradient size per GPU, whatever the GPU count.");
            }
            case PCIE_COPY -> {
                long bytes = 2 * psi;
                double seconds = bytes / PCIE4_X16_BYTES_PER_S;
                yield new Scenario(String.format("How long does copying the BF16 weights of %s from host memory to one GPU "
                        + "over PCIe 4.0 x16 take at least, in s?", subject),
                        new NumericAnswer(BigDecimal.valueOf(seconds), Unit.SECOND, 2, Tolerance.relative("0.05")),
                        Scenario.wrong(Misconception.BIDIRECTIONAL_BANDWIDTH, seconds / 2,
                                Misconception.BITS_AS_BYTES, seconds * 8,
                                Misconception.WRONG_FORMAT_BYTES, seconds * 2),
                        List.of(new Step("copy", "Host-to-device copy", "bytes / 31.5 GB/s (PCIe 4.0 x16, one direction)",
                                List.of(Step.Input.of("bytes", bytes, "")), BigDecimal.valueOf(seconds), "s", "")),
                        "PCIe 4.0 x16 carries about 31.5 GB/s each way: loading weights is slower than reading them from HBM.");
            }
        };
    }
}
