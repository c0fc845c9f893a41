package app.bytewise.api;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.catalog.ModelCatalog;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.format.WeightFormat;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.inference.InferenceRequest;
import app.bytewise.engine.inference.KvFormat;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.ModelReader;
import app.bytewise.engine.training.AttentionKernel;
import app.bytewise.engine.training.LoraSpec;
import app.bytewise.engine.training.Offload;
import app.bytewise.engine.training.Optimizer;
import app.bytewise.engine.training.Recompute;
import app.bytewise.engine.training.TrainingRequest;
import app.bytewise.engine.training.ZeroSettings;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Turns an API request into engine requests; every refusal names the field. */
@Component
class RequestMapper {

    private final ModelCatalog models;
    private final GpuCatalog gpus;

    RequestMapper(ModelCatalog models, GpuCatalog gpus) {
        this.models = models;
        this.gpus = gpus;
    }

    /** The model a request names, and the report on the checkpoint file it carries, if any. */
    record ModelInput(Model model, Optional<app.bytewise.engine.checkpoint.CheckpointReport> checkpoint) {
    }

    ModelInput modelInput(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new ModelInput(model(node), Optional.empty());
        }
        boolean ggufOnly = node.has("ggufHeader") && !node.has("preset") && !node.has("config")
                && !node.has("parameterCount");
        if (ggufOnly) {
            if (node.size() != 1) {
                throw new InvalidInputException("model", "A ggufHeader alone describes the model; give nothing else with it.");
            }
            return CheckpointInput.ggufModel(node, config -> ModelReader.read("gguf", "Your GGUF file", config,
                    "model.ggufHeader"));
        }
        if (!CheckpointInput.has(node)) {
            return new ModelInput(model(node), Optional.empty());
        }
        // The model fields without the file: a shallow copy, the config itself is not copied.
        tools.jackson.databind.node.ObjectNode rest = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .setAll((tools.jackson.databind.node.ObjectNode) node);
        CheckpointInput.KEYS.forEach(rest::remove);
        if (node.size() - rest.size() > 1) {
            throw new InvalidInputException("model", "Give one checkpoint file: safetensorsHeader, ggufHeader or "
                    + "safetensorsIndex.");
        }
        Model model = model(rest);
        if (!model.hasTensors()) {
            throw new InvalidInputException("model", "A checkpoint file is compared with a preset or a config, "
                    + "not with a bare parameter count.");
        }
        return new ModelInput(model, CheckpointInput.report(node, model));
    }

    Model model(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("model",
                    "Give the model as {\"preset\": id}, {\"config\": {…}} or {\"parameterCount\": N}.");
        }
        int given = (node.has("preset") ? 1 : 0) + (node.has("config") ? 1 : 0) + (node.has("parameterCount") ? 1 : 0);
        // assumeFamily goes only with a config: it names the known family to count an unknown model_type as.
        int extra = node.has("config") && node.has("assumeFamily") ? 1 : 0;
        if (given != 1 || node.size() != 1 + extra) {
            throw new InvalidInputException("model", node.has("assumeFamily") && !node.has("config")
                    ? "assumeFamily goes with a config." : "Give exactly one of preset, config or parameterCount.");
        }
        if (node.has("preset")) {
            JsonNode preset = node.get("preset");
            if (!preset.isString()) {
                throw new InvalidInputException("model.preset", "preset must be a catalog id string.");
            }
            return models.require(preset.stringValue(), "model.preset").model();
        }
        if (node.has("config")) {
            Optional<String> assume = Optional.empty();
            if (extra == 1) {
                JsonNode family = node.get("assumeFamily");
                if (!family.isString()) {
                    throw new InvalidInputException("model.assumeFamily", "assumeFamily must be a model_type string, e.g. \"llama\".");
                }
                assume = Optional.of(family.stringValue());
            }
            return ModelReader.read("custom", "Custom model", node.get("config"), "model.config", assume);
        }
        JsonNode count = node.get("parameterCount");
        if (!count.isIntegralNumber() || count.bigIntegerValue().signum() <= 0) {
            throw new InvalidInputException("model.parameterCount", "parameterCount must be a positive integer.");
        }
        // Beyond 2^63 is beyond the bound as well: the model's own check names the field.
        return Model.ofParameterCount(count.canConvertToLong() ? count.longValue() : Long.MAX_VALUE);
    }

    InferenceRequest inference(EstimateRequest r, Model model) {
        WeightFormat weights = Formats.parse(or(r.weights(), "bf16"), "weights");
        KvFormat kv = r.kvCache() == null ? KvFormat.FP16 : KvFormat.parse(r.kvCache());
        Optional<Gpu> gpu = gpu(r.gpu());
        if (r.attention() != null) {
            throw new InvalidInputException("attention", "attention chooses what training keeps for backward; in "
                    + "inference use flashAttention (true or false).");
        }
        return new InferenceRequest(model, weights, kv, or(r.contextLength(), 4096L), or(r.batchSize(), 1),
                or(r.flashAttention(), true), pageSize(r),
                or(r.overheadBytes(), InferenceRequest.DEFAULT_OVERHEAD_BYTES), gpu, or(r.gpuCount(), 1));
    }

    TrainingRequest training(EstimateRequest r, Model model) {
        Optimizer optimizer = Optimizer.parse(or(r.optimizer(), "adamw-mixed"));
        Optional<LoraSpec> lora = Optional.ofNullable(r.lora()).map(l -> {
            if (l.rank() == null) {
                throw new InvalidInputException("lora.rank", "Give the LoRA rank.");
            }
            return LoraSpec.of(l.rank(), l.targets());
        });
        Optional<WeightFormat> frozen = lora.map(l -> Formats.parse(or(r.weights(), "bf16"), "weights"));
        if (lora.isEmpty() && r.weights() != null) {
            throw new InvalidInputException("weights", "In full training the optimizer decides the weight precision; "
                    + "'weights' sets the frozen base only with lora.");
        }
        return new TrainingRequest(model, optimizer, or(r.zeroStage(), 0), or(r.gpus(), 1), or(r.tensorParallel(), 1),
                or(r.pipelineParallel(), 1), or(r.microBatches(), 1), or(r.batchSize(), 1), or(r.contextLength(), 4096L),
                r.recompute() == null ? Recompute.NONE : Recompute.parse(r.recompute()), attention(r),
                or(r.sequenceParallel(), false), lora, frozen, Offload.parse(r.offload()),
                or(r.overheadBytes(), InferenceRequest.DEFAULT_OVERHEAD_BYTES), gpu(r.gpu()),
                app.bytewise.engine.training.Accounting.parse(r.accounting()), or(r.virtualStages(), 1), zero(r.deepspeed()),
                app.bytewise.engine.training.LogitsLoss.parse(r.logits()));
    }

    private static ZeroSettings zero(EstimateRequest.DeepSpeed d) {
        ZeroSettings base = ZeroSettings.DEEPSPEED_DEFAULTS;
        if (d == null) {
            return base;
        }
        return new ZeroSettings(or(d.reduceBucketSize(), base.reduceBucketSize()),
                or(d.prefetchBucketSize(), base.prefetchBucketSize()), or(d.maxLiveParameters(), base.maxLiveParameters()),
                or(d.persistenceThreshold(), base.paramPersistenceThreshold()), or(d.gpusPerNode(), base.gpusPerNode()));
    }

    /** {@code attention} names the kernel; the older {@code flashAttention} flag may agree with it, never contradict. */
    private static AttentionKernel attention(EstimateRequest r) {
        if (r.attention() == null) {
            return or(r.flashAttention(), true) ? AttentionKernel.FLASH : AttentionKernel.EAGER_DROPOUT;
        }
        AttentionKernel kernel = AttentionKernel.parse(r.attention());
        if (r.flashAttention() != null && r.flashAttention() != (kernel == AttentionKernel.FLASH)) {
            throw new InvalidInputException("attention", "attention '" + kernel.id() + "' contradicts flashAttention: "
                    + r.flashAttention() + "; give one of them.");
        }
        return kernel;
    }

    /** Paged allocation defaults to vLLM's block of 16 tokens; a page size alone also turns paging on. */
    private static int pageSize(EstimateRequest r) {
        boolean paged = or(r.pagedAttention(), r.pageSize() != null);
        if (!paged && r.pageSize() != null) {
            throw new InvalidInputException("pageSize", "pageSize needs pagedAttention: true.");
        }
        int size = or(r.pageSize(), InferenceRequest.DEFAULT_PAGE_SIZE);
        if (paged && size < 1) {
            throw new InvalidInputException("pageSize", "The page size must be at least 1 token.");
        }
        return paged ? size : 0;
    }

    private Optional<Gpu> gpu(String id) {
        return Optional.ofNullable(id).map(g -> gpus.require(g, "gpu"));
    }

    private static <T> T or(T value, T fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }
}
