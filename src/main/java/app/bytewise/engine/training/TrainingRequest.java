package app.bytewise.engine.training;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.format.WeightFormat;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.inference.InferenceRequest;
import app.bytewise.engine.model.Model;
import java.util.Optional;

/**
 * Everything a training estimate depends on.
 *
 * @param dataParallel data-parallel ranks (the ZeRO paper's N_d)
 * @param microBatchSize sequences per micro-batch on one GPU
 * @param microBatches micro-batches per pipeline flush (m)
 * @param lora LoRA adapters; the base weights are then frozen
 * @param frozenBaseFormat storage of the frozen base under LoRA (BF16 for LoRA, NF4 for QLoRA)
 * @param attention how the attention core runs, which decides what it keeps for backward
 * @param accounting which bytes of mixed-precision Adam are counted
 * @param virtualStages model chunks per GPU in Megatron's interleaved 1F1B schedule (1: not interleaved)
 * @param zero DeepSpeed's bucket and prefetch settings, counted with its accounting
 * @param logits how the loss holds the logits: Megatron's FP32 count or Hugging Face's 16-bit logits upcast
 */
public record TrainingRequest(Model model, Optimizer optimizer, int zeroStage, int dataParallel, int tensorParallel,
        int pipelineParallel, int microBatches, int microBatchSize, long sequenceLength, Recompute recompute,
        AttentionKernel attention, boolean sequenceParallel, Optional<LoraSpec> lora, Optional<WeightFormat> frozenBaseFormat,
        Offload offload, long overheadBytes, Optional<Gpu> gpu, Accounting accounting, int virtualStages,
        ZeroSettings zero, LogitsLoss logits) {

    /** 2^20 GPUs in all: about five times the largest training clusters built (xAI's Colossus, 200,000 GPUs). */
    public static final int MAX_GPUS = 1 << 20;

    public TrainingRequest {
        if (zeroStage < 0 || zeroStage > 3) {
            throw new InvalidInputException("zeroStage", "The ZeRO stage must be 0, 1, 2 or 3.");
        }
        positive(dataParallel, "gpus", 1 << 20);
        positive(tensorParallel, "tensorParallel", 1024);
        positive(pipelineParallel, "pipelineParallel", 1024);
        positive(microBatches, "microBatches", 1 << 20);
        positive(microBatchSize, "batchSize", 1 << 16);
        if (sequenceLength < 1 || sequenceLength > 10_000_000) {
            throw new InvalidInputException("contextLength", "The sequence length must be 1 to 10,000,000 tokens.");
        }
        if (offload != Offload.NONE && zeroStage == 0) {
            // DeepSpeed reads offload_optimizer only in its ZeRO optimizers, built when zero_enabled (stage > 0):
            // _configure_optimizer, deepspeed/runtime/engine.py. At stage 0 the setting would do nothing.
            throw new InvalidInputException("offload", "Offloading needs a ZeRO stage of 1 or more: DeepSpeed offloads "
                    + "only through its ZeRO optimizers.");
        }
        if (offload == Offload.OPTIMIZER_AND_PARAMS && zeroStage != 3) {
            throw new InvalidInputException("offload", "Offloading the parameters needs ZeRO stage 3 (ZeRO-Infinity).");
        }
        InferenceRequest.checkOverhead(overheadBytes);
        if ((long) dataParallel * tensorParallel * pipelineParallel > MAX_GPUS) {
            throw new InvalidInputException("gpus", String.format(java.util.Locale.ROOT,
                    "%,d × %,d × %,d GPUs (data × tensor × pipeline parallel) is more than %,d.", dataParallel,
                    tensorParallel, pipelineParallel, MAX_GPUS));
        }
        java.util.Objects.requireNonNull(accounting, "accounting");
        java.util.Objects.requireNonNull(attention, "attention");
        java.util.Objects.requireNonNull(zero, "zero");
        java.util.Objects.requireNonNull(logits, "logits");
        if (virtualStages < 1 || virtualStages > 1024) {
            throw new InvalidInputException("virtualStages", "Virtual stages per GPU must be 1 to 1,024.");
        }
        if (virtualStages > 1 && (pipelineParallel == 1 || microBatches < pipelineParallel)) {
            // Megatron's 1 + (p − 1)/(p·v) (theoretical_memory_usage.py) is for a full pipeline, p micro-batches in flight.
            throw new InvalidInputException("virtualStages", "An interleaved schedule needs pipeline parallelism and at "
                    + "least as many micro-batches as pipeline stages.");
        }
        model.architecture().ifPresent(a -> {
            if (virtualStages > 1 && a.layers() % ((long) pipelineParallel * virtualStages) != 0) {
                throw new InvalidInputException("virtualStages", "The " + a.layers() + " layers do not split into "
                        + pipelineParallel + " × " + virtualStages + " equal model chunks.");
            }
            if (pipelineParallel > a.layers()) {
                throw new InvalidInputException("pipelineParallel",
                        "Pipeline parallelism cannot exceed the " + a.layers() + " layers.");
            }
            if (a.attentionHeads() % tensorParallel != 0) {
                throw new InvalidInputException("tensorParallel",
                        "Tensor parallelism must divide the " + a.attentionHeads() + " attention heads.");
            }
        });
    }

    private static void positive(int value, String field, int max) {
        if (value < 1 || value > max) {
            throw new InvalidInputException(field, field + " must be 1 to " + max + ".");
        }
    }

    public static TrainingRequest of(Model model, Optimizer optimizer) {
        return new TrainingRequest(model, optimizer, 0, 1, 1, 1, 1, 1, 2048, Recompute.NONE, AttentionKernel.FLASH, false,
                Optional.empty(), Optional.empty(), Offload.NONE, InferenceRequest.DEFAULT_OVERHEAD_BYTES,
                Optional.empty(), Accounting.ZERO_PAPER, 1, ZeroSettings.DEEPSPEED_DEFAULTS,
                LogitsLoss.FP32);
    }

    public TrainingRequest withZero(int stage, int ranks) {
        return new TrainingRequest(model, optimizer, stage, ranks, tensorParallel, pipelineParallel, microBatches,
                microBatchSize, sequenceLength, recompute, attention, sequenceParallel, lora, frozenBaseFormat,
                offload, overheadBytes, gpu, accounting, virtualStages, zero, logits);
    }

    public TrainingRequest withParallelism(int tensor, int pipeline, int microBatchCount, boolean sequence) {
        return new TrainingRequest(model, optimizer, zeroStage, dataParallel, tensor, pipeline, microBatchCount,
                microBatchSize, sequenceLength, recompute, attention, sequence, lora, frozenBaseFormat, offload,
                overheadBytes, gpu, accounting, virtualStages, zero, logits);
    }

    /** {@code flash} false is the eager GPT core of Korthikanti et al., with dropout. */
    public TrainingRequest withActivations(long tokens, int batch, Recompute mode, boolean flash) {
        return withActivations(tokens, batch, mode, flash ? AttentionKernel.FLASH : AttentionKernel.EAGER_DROPOUT);
    }

    public TrainingRequest withActivations(long tokens, int batch, Recompute mode, AttentionKernel kernel) {
        return new TrainingRequest(model, optimizer, zeroStage, dataParallel, tensorParallel, pipelineParallel,
                microBatches, batch, tokens, mode, kernel, sequenceParallel, lora, frozenBaseFormat, offload,
                overheadBytes, gpu, accounting, virtualStages, zero, logits);
    }

    public TrainingRequest withLora(LoraSpec spec, WeightFormat base) {
        return new TrainingRequest(model, optimizer, zeroStage, dataParallel, tensorParallel, pipelineParallel,
                microBatches, microBatchSize, sequenceLength, recompute, attention, sequenceParallel,
                Optional.of(spec), Optional.of(base), offload, overheadBytes, gpu, accounting, virtualStages, zero, logits);
    }

    public TrainingRequest withOffload(Offload where) {
        return new TrainingRequest(model, optimizer, zeroStage, dataParallel, tensorParallel, pipelineParallel,
                microBatches, microBatchSize, sequenceLength, recompute, attention, sequenceParallel, lora,
                frozenBaseFormat, where, overheadBytes, gpu, accounting, virtualStages, zero, logits);
    }

    public TrainingRequest withOverhead(long bytes) {
        return new TrainingRequest(model, optimizer, zeroStage, dataParallel, tensorParallel, pipelineParallel,
                microBatches, microBatchSize, sequenceLength, recompute, attention, sequenceParallel, lora,
                frozenBaseFormat, offload, bytes, gpu, accounting, virtualStages, zero, logits);
    }

    public TrainingRequest onGpu(Gpu chosen) {
        return new TrainingRequest(model, optimizer, zeroStage, dataParallel, tensorParallel, pipelineParallel,
                microBatches, microBatchSize, sequenceLength, recompute, attention, sequenceParallel, lora,
                frozenBaseFormat, offload, overheadBytes, Optional.ofNullable(chosen), accounting, virtualStages, zero, logits);
    }

    public TrainingRequest withAccounting(Accounting convention) {
        return new TrainingRequest(model, optimizer, zeroStage, dataParallel, tensorParallel, pipelineParallel,
                microBatches, microBatchSize, sequenceLength, recompute, attention, sequenceParallel, lora,
                frozenBaseFormat, offload, overheadBytes, gpu, convention, virtualStages, zero, logits);
    }

    public TrainingRequest withInterleaving(int chunks) {
        return new TrainingRequest(model, optimizer, zeroStage, dataParallel, tensorParallel, pipelineParallel,
                microBatches, microBatchSize, sequenceLength, recompute, attention, sequenceParallel, lora,
                frozenBaseFormat, offload, overheadBytes, gpu, accounting, chunks, zero, logits);
    }

    public TrainingRequest withZeroSettings(ZeroSettings settings) {
        return new TrainingRequest(model, optimizer, zeroStage, dataParallel, tensorParallel, pipelineParallel,
                microBatches, microBatchSize, sequenceLength, recompute, attention, sequenceParallel, lora,
                frozenBaseFormat, offload, overheadBytes, gpu, accounting, virtualStages, settings, logits);
    }

    public TrainingRequest withLogits(LogitsLoss loss) {
        return new TrainingRequest(model, optimizer, zeroStage, dataParallel, tensorParallel, pipelineParallel,
                microBatches, microBatchSize, sequenceLength, recompute, attention, sequenceParallel, lora,
                frozenBaseFormat, offload, overheadBytes, gpu, accounting, virtualStages, zero, loss);
    }

    public boolean flashAttention() {
        return attention == AttentionKernel.FLASH;
    }

    public int totalGpus() {
        return Math.multiplyExact(Math.multiplyExact(dataParallel, tensorParallel), pipelineParallel);
    }
}
