package app.bytewise.engine.inference;

import app.bytewise.engine.ByteCount;
import app.bytewise.engine.ContextLimit;
import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.MemoryEstimate;
import app.bytewise.engine.Step;
import app.bytewise.engine.Step.Input;
import app.bytewise.engine.WeightMemory;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.model.Architecture;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Inference memory: weights + KV cache + prefill activations + overhead, per GPU and in total. */
public final class InferenceEstimator {

    private InferenceEstimator() {
    }

    public static InferenceResult estimate(InferenceRequest r) {
        try {
            return estimateExactly(r);
        } catch (ArithmeticException overflow) {
            throw tooLarge(r);
        }
    }

    private static InferenceResult estimateExactly(InferenceRequest r) {
        Step weights = WeightMemory.step(r.model(), r.weights());
        MemoryEstimate memory = memory(r, weights);
        Optional<Gpu> gpu = r.gpu();
        boolean shaped = r.model().architecture().isPresent();
        List<Step> steps = new ArrayList<>(memory.steps());
        OptionalInt minimum = gpu.map(g -> minimumGpus(r, g, weights)).orElse(OptionalInt.empty());
        OptionalLong context = gpu.filter(g -> shaped).map(g -> longestContext(r, g, weights)).orElse(OptionalLong.empty());
        OptionalInt batch = gpu.filter(g -> shaped).map(g -> largestBatch(r, g, weights)).orElse(OptionalInt.empty());
        Optional<Double> decode = gpu.map(g -> decodeStep(r, g, memory, steps));
        Optional<Double> prefill = gpu.flatMap(g -> prefillStep(r, g, steps));
        MemoryEstimate withSpeed = new MemoryEstimate(memory.mode(), memory.parameters(), memory.activeParameters(),
                memory.components(), memory.totalBytes(), memory.perGpuBytes(), memory.gpuCount(), memory.fits(), steps,
                memory.notes());
        return new InferenceResult(withSpeed, minimum, context, batch, decode, prefill);
    }

    /** The memory alone: the figure every capacity search re-evaluates. */
    public static MemoryEstimate memory(InferenceRequest r) {
        try {
            return memory(r, WeightMemory.step(r.model(), r.weights()));
        } catch (ArithmeticException overflow) {
            throw tooLarge(r);
        }
    }

    /**
     * The model is bounded (every dimension by its config limit, the parameters by
     * {@code Model.MAX_PARAMETERS}), so only the KV cache and activations, which grow with context ×
     * batch, can overflow a 64-bit byte count: the error names the batch size when one sequence
     * would fit in a {@code long}, else the context length.
     */
    static InvalidInputException tooLarge(InferenceRequest r) {
        String field = r.batchSize() > 1 && perGpuBytes(r.withContext(r.contextLength(), 1), 0) < Long.MAX_VALUE
                ? "batchSize" : "contextLength";
        return new InvalidInputException(field, String.format(java.util.Locale.ROOT, "%,d tokens × %,d sequences "
                + "need more memory than a 64-bit byte count holds (9.2 EB): reduce %s.", r.contextLength(),
                r.batchSize(), field.equals("batchSize") ? "the batch size" : "the context length"));
    }

    /**
     * The memory with the weights already counted. The searches below vary only context, batch or GPU
     * count, none of which changes the weights, so they count them once instead of once per probe
     * (summing every tensor of a model, format by format, is most of an estimate's cost).
     */
    private static MemoryEstimate memory(InferenceRequest r, Step weights) {
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>(r.model().notes());
        ContextLimit.warning(r.model(), r.contextLength()).ifPresent(notes::add);
        steps.add(weights);
        Map<String, Long> components = new LinkedHashMap<>();
        components.put("weights", weights.byteCount().bytes());
        Optional<Architecture> arch = r.model().architecture();
        if (arch.isPresent()) {
            Step kv = KvCache.step(arch.get(), r.kvCache(), r.contextLength(), r.batchSize(), r.pageSize());
            Step act = PrefillActivations.step(arch.get(), r.contextLength(), r.batchSize(), r.flashAttention());
            steps.add(kv);
            steps.add(act);
            components.put("kvCache", kv.byteCount().bytes());
            components.put("activations", act.byteCount().bytes());
        } else {
            notes.add("A bare parameter count has no layers or heads: the KV cache and activations are not counted.");
        }
        int n = r.gpuCount();
        Step overhead = Step.bytes("overhead", "Runtime overhead (CUDA context, framework, allocator)",
                "overhead per GPU × GPUs", List.of(Input.of("overhead", r.overheadBytes(), "bytes per GPU"),
                        Input.of("GPUs", n, "")), Math.multiplyExact(r.overheadBytes(), (long) n),
                "About 1 GiB per GPU by default; set your own measured figure.");
        steps.add(overhead);
        components.put("overhead", overhead.byteCount().bytes());

        long total = components.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
        long shared = total - overhead.byteCount().bytes();
        long perGpu = Math.addExact(Math.ceilDiv(shared, n), r.overheadBytes());
        steps.add(Step.bytes("total", "Total", "weights + KV cache + activations + overhead",
                List.of(), total, ByteCount.of(total).display()));
        if (n > 1) {
            steps.add(Step.bytes("perGpu", "Per GPU with tensor parallelism over " + n + " GPUs",
                    "(weights + KV cache + activations) / GPUs + overhead", List.of(Input.of("GPUs", n, "")), perGpu,
                    "Tensor parallelism splits the weight matrices and the KV heads evenly; small replicated pieces "
                            + "(norms, some buffers) are ignored."));
        }
        Optional<Boolean> fits = r.gpu().map(g -> g.fits(perGpu));
        r.gpu().ifPresent(g -> notes.add(g.fitNote(perGpu)));
        return new MemoryEstimate("inference", r.model().parameters(), r.model().activeParameters(), components, total,
                perGpu, n, fits, steps, notes);
    }

    /**
     * Bytes per GPU for one probe of a search: the very sum {@link #memory} makes, without writing out
     * its steps and notes, which would cost far more than the arithmetic (a search makes about 60 probes).
     * A probe too large for a {@code long} is {@code Long.MAX_VALUE}: it fits no GPU.
     */
    static long perGpuBytes(InferenceRequest r, long weightBytes) {
        try {
            long shared = weightBytes;
            Optional<Architecture> arch = r.model().architecture();
            if (arch.isPresent()) {
                shared = Math.addExact(shared, Math.addExact(
                        KvCache.bytes(arch.get(), r.kvCache(), r.contextLength(), r.batchSize(), r.pageSize()),
                        PrefillActivations.bytes(arch.get(), r.contextLength(), r.batchSize(), r.flashAttention())));
            }
            return Math.addExact(Math.ceilDiv(shared, r.gpuCount()), r.overheadBytes());
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    static OptionalInt minimumGpus(InferenceRequest r, Gpu gpu, Step weights) {
        for (int n = 1; n <= 1024; n *= 2) {
            if (perGpuBytes(r.onGpus(gpu, n), weights.byteCount().bytes()) <= gpu.usableBytes()) {
                // Tensor parallelism needs the heads to split evenly: powers of two are what engines accept.
                return OptionalInt.of(n);
            }
        }
        return OptionalInt.empty();
    }

    static OptionalLong longestContext(InferenceRequest r, Gpu gpu, Step weights) {
        // A config may declare more positions than a request may ask for: search only what a request can ask.
        long limit = r.model().architecture().map(Architecture::maxPositions).filter(p -> p > 0)
                .map(p -> Math.min(p, InferenceRequest.MAX_CONTEXT)).orElse(InferenceRequest.MAX_CONTEXT);
        long lo = 0;
        long hi = limit;
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (perGpuBytes(r.withContext(mid, r.batchSize()), weights.byteCount().bytes()) <= gpu.usableBytes()) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo == 0 ? OptionalLong.empty() : OptionalLong.of(lo);
    }

    static OptionalInt largestBatch(InferenceRequest r, Gpu gpu, Step weights) {
        int lo = 0;
        int hi = InferenceRequest.MAX_BATCH;
        while (lo < hi) {
            int mid = lo + (hi - lo + 1) / 2;
            if (perGpuBytes(r.withContext(r.contextLength(), mid), weights.byteCount().bytes()) <= gpu.usableBytes()) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo == 0 ? OptionalInt.empty() : OptionalInt.of(lo);
    }

    /**
     * Decoding one token reads every active weight once and the whole KV cache of each sequence,
     * so one decode step moves at least (active weight bytes + KV bytes of all sequences) through
     * memory, and tokens/s per sequence ≤ GPUs × bandwidth / those bytes: decoding is
     * memory-bandwidth bound at small batch (Pope et al. 2022, §3).
     */
    private static double decodeStep(InferenceRequest r, Gpu gpu, MemoryEstimate memory, List<Step> steps) {
        long weightBytes = memory.component("weights");
        long active = Math.round((double) weightBytes * r.model().activeParameters() / r.model().parameters());
        long perStep = Math.addExact(active, memory.component("kvCache"));
        double bandwidth = gpu.bandwidthBytesPerSecond() * r.gpuCount();
        double perSequence = bandwidth / perStep;
        steps.add(new Step("decodeSpeed", "Decode speed upper bound on " + r.gpuCount() + " × " + gpu.name(),
                "tokens/s per sequence ≤ GPUs × bandwidth / (active weight bytes + KV cache bytes)",
                List.of(new Input("bandwidth", String.format(java.util.Locale.ROOT, "%,.0f", gpu.bandwidthGBps()), "GB/s"),
                        Input.of("GPUs", r.gpuCount(), ""), Input.of("bytes read per step", perStep, "bytes")),
                BigDecimal.valueOf(perSequence).setScale(1, RoundingMode.HALF_EVEN), "tokens/s",
                String.format(java.util.Locale.ROOT, "All %d sequences together: at most %.1f tokens/s. Real engines "
                        + "reach 50–80%% of this bound.", r.batchSize(), perSequence * r.batchSize())));
        return perSequence;
    }

    /** Prefill is compute bound: about 2 FLOPs per active parameter per token (Kaplan et al. 2020, §2.1). */
    private static Optional<Double> prefillStep(InferenceRequest r, Gpu gpu, List<Step> steps) {
        if (gpu.denseFlopsPerSecond().isEmpty()) {
            return Optional.empty();
        }
        double flops = 2.0 * r.model().activeParameters() * r.contextLength() * r.batchSize();
        double seconds = flops / (gpu.denseFlopsPerSecond().getAsDouble() * r.gpuCount());
        steps.add(new Step("prefillTime", "Prefill time lower bound", "2 × N_active × s × b / (GPUs × dense FLOPS)",
                List.of(Input.of("N_active", r.model().activeParameters(), "parameters"),
                        Input.of("s", r.contextLength(), "tokens"), Input.of("b", r.batchSize(), "sequences"),
                        new Input("dense FLOPS", String.format(java.util.Locale.ROOT, "%.1f", gpu.dense16BitTflops()), "TFLOPS")),
                BigDecimal.valueOf(seconds).round(new java.math.MathContext(4)), "s",
                "Attention's own FLOPs (growing with s²) are left out; they matter at long context."));
        return Optional.of(seconds);
    }
}
