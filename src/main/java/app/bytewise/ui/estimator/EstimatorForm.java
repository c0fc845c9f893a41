package app.bytewise.ui.estimator;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.catalog.ModelCatalog;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.inference.InferenceEstimator;
import app.bytewise.engine.inference.InferenceRequest;
import app.bytewise.engine.inference.KvFormat;
import app.bytewise.engine.training.Optimizer;
import app.bytewise.engine.training.Recompute;
import app.bytewise.engine.training.TrainingEstimator;
import app.bytewise.engine.training.Accounting;
import app.bytewise.engine.training.AttentionKernel;
import app.bytewise.engine.training.TrainingRequest;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One estimator configuration: model (from the catalog or the user's own config.json), mode,
 * formats, context, batch, GPUs and parallelism. It reads and writes its settings as URL query
 * parameters under a prefix, so two of them can share one URL in compare mode.
 */
final class EstimatorForm extends Div {

    /** A computed configuration: its panel, the headline bytes and their components, and a one-line description. */
    record Outcome(EstimateResultPanel panel, long bytes, Map<String, Long> components, String label) {
    }

    private final ModelCatalog models;
    private final GpuCatalog gpus;
    private final ComboBox<CatalogModel> model = new ComboBox<>("Model");
    private final Select<String> mode = new Select<>();
    private final ComboBox<String> weights = new ComboBox<>("Weights");
    private final Select<String> kvCache = new Select<>();
    private final IntegerField context = new IntegerField("Context (tokens)");
    private final IntegerField batch = new IntegerField("Batch");
    private final ComboBox<Gpu> gpu = new ComboBox<>("GPU");
    private final IntegerField gpuCount = new IntegerField("GPUs");
    private final Select<Optimizer> optimizer = new Select<>();
    private final Select<Accounting> accounting = new Select<>();
    private final IntegerField zeroStage = new IntegerField("ZeRO stage");
    private final IntegerField tensorParallel = new IntegerField("Tensor parallel");
    private final IntegerField pipelineParallel = new IntegerField("Pipeline stages");
    private final IntegerField microBatches = new IntegerField("Micro-batches");
    private final IntegerField virtualStages = new IntegerField("Interleaved chunks per GPU");
    private final Select<Recompute> recompute = new Select<>();
    private final Select<AttentionKernel> attention = new Select<>();
    private final Select<app.bytewise.engine.training.LogitsLoss> logits = new Select<>();
    private final Checkbox sequenceParallel = new Checkbox("Sequence parallel");
    private final CustomConfigField custom;
    private final CheckpointFileField checkpointFile;
    private final EngineField engine = new EngineField(this::changed);
    private Runnable onChange = () -> { };
    private boolean restoring;
    private Optional<String> unknownModel = Optional.empty();
    private final LinkProblems linkProblems = new LinkProblems(m -> model.setValue(m));

    EstimatorForm(String heading, ModelCatalog models, GpuCatalog gpus) {
        this.models = models;
        this.gpus = gpus;
        addClassName("bw-estimator-config");
        model.setItems(models.all());
        model.setItemLabelGenerator(m -> m.name() + String.format(" (%,.1fB)", m.model().parameters() / 1e9));
        TypedModel.pickOnEnter(model, models);
        mode.setLabel("Mode");
        mode.setItems("inference", "training");
        weights.setItems(EstimatorView.WEIGHT_FORMATS);
        weights.setAllowCustomValue(true);
        weights.setItemLabelGenerator(EstimatorForm::formatLabel);
        weights.addCustomValueSetListener(e -> weights.setValue(e.getDetail()));
        kvCache.setLabel("KV cache");
        kvCache.setItems(KvFormat.all().stream().map(KvFormat::id).toList());
        kvCache.setItemLabelGenerator(id -> KvFormat.parse(id).label());
        gpu.setItems(gpus.all());
        gpu.setItemLabelGenerator(g -> g.name() + " · " + g.memoryGiB() + " GiB");
        gpu.setClearButtonVisible(true);
        optimizer.setLabel("Optimizer");
        optimizer.setItems(Optimizer.values());
        optimizer.setItemLabelGenerator(Optimizer::label);
        accounting.setLabel("Accounting");
        accounting.setItems(Accounting.values());
        accounting.setItemLabelGenerator(Accounting::label);
        accounting.setValue(Accounting.ZERO_PAPER);
        attention.setLabel("Attention");
        attention.setItems(AttentionKernel.values());
        attention.setItemLabelGenerator(AttentionKernel::label);
        attention.setValue(AttentionKernel.FLASH);
        logits.setLabel("Loss logits");
        logits.setItems(app.bytewise.engine.training.LogitsLoss.values());
        logits.setItemLabelGenerator(app.bytewise.engine.training.LogitsLoss::label);
        logits.setValue(app.bytewise.engine.training.LogitsLoss.FP32);
        recompute.setLabel("Recomputation");
        recompute.setItems(Recompute.values());
        recompute.setItemLabelGenerator(r -> switch (r) {
            case NONE -> "None";
            case SELECTIVE -> "Selective (attention)";
            case FULL -> "Full";
        });
        List.of(context, batch, gpuCount, zeroStage, tensorParallel, pipelineParallel, microBatches, virtualStages)
                .forEach(f -> f.setStepButtonsVisible(true));
        custom = new CustomConfigField(this::useCustom);
        FlexLayout fields = new FlexLayout(model, mode, weights, kvCache, context, batch, gpu, gpuCount, optimizer,
                accounting, zeroStage, tensorParallel, pipelineParallel, microBatches, virtualStages, recompute, attention,
                logits, sequenceParallel);
        fields.addClassName("bw-estimator-form");
        if (!heading.isEmpty()) {
            add(new H2(heading));
        }
        checkpointFile = new CheckpointFileField(model::getValue, text -> {
            Optional<CatalogModel> read = custom.applyText(text);
            read.ifPresent(this::useCustom);
            return read;
        });
        add(linkProblems, fields, engine, custom, checkpointFile);
        List.of(model, weights, gpu).forEach(f -> f.addValueChangeListener(e -> changed()));
        List.of(mode, kvCache).forEach(f -> f.addValueChangeListener(e -> changed()));
        optimizer.addValueChangeListener(e -> changed());
        accounting.addValueChangeListener(e -> changed());
        recompute.addValueChangeListener(e -> changed());
        attention.addValueChangeListener(e -> changed());
        logits.addValueChangeListener(e -> changed());
        sequenceParallel.addValueChangeListener(e -> changed());
        List.of(context, batch, gpuCount, zeroStage, tensorParallel, pipelineParallel, microBatches, virtualStages)
                .forEach(f -> f.addValueChangeListener(e -> changed()));
    }

    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /**
     * Sets every field from the URL: {@code prefix + key} first, then the plain key, then the default.
     * A value the link names but the app does not know is reported above the form; an unknown model
     * leaves the model empty rather than showing another one.
     */
    void restore(Map<String, List<String>> q, String prefix) {
        restoring = true;
        LinkReader link = new LinkReader(q, prefix);
        unknownModel = Optional.empty();
        // B's own model parameter wins over A's config it would otherwise inherit.
        custom.assume(link.text("assume").orElse(""));
        Optional<CatalogModel> own = link.hasOwn("model") ? Optional.empty()
                : link.text("config").flatMap(ConfigParameter::decode).flatMap(custom::apply);
        own.ifPresentOrElse(this::useCustom, () -> {
            String id = link.text("model").orElse("llama-2-7b");
            Optional<CatalogModel> found = models.find(id.strip());
            found.ifPresentOrElse(model::setValue, () -> {
                model.setValue(null);
                unknownModel = Optional.of(LinkReader.shown(id));
            });
        });
        mode.setValue(link.choice("mode", "Mode", List.of("inference", "training"), m -> m, m -> m, "inference"));
        weights.setValue(link.text("weights").orElse("bf16"));
        kvCache.setValue(link.choice("kv", "KV cache", KvFormat.all().stream().map(KvFormat::id).toList(), k -> k, k -> k,
                "fp16"));
        context.setValue(link.integer("context", "Context", 4096));
        batch.setValue(link.integer("batch", "Batch", 1));
        gpu.setValue(link.choice("gpu", "GPU", gpus.all(), Gpu::id, Gpu::name, (Gpu) null));
        gpuCount.setValue(link.integer("gpus", "GPUs", 1));
        optimizer.setValue(link.choice("optimizer", "Optimizer", List.of(Optimizer.values()), Optimizer::id,
                Optimizer::label, Optimizer.ADAMW_MIXED));
        accounting.setValue(link.choice("accounting", "Accounting", List.of(Accounting.values()), Accounting::id,
                Accounting::label, Accounting.ZERO_PAPER));
        zeroStage.setValue(link.integer("zero", "ZeRO stage", 0));
        tensorParallel.setValue(link.integer("tp", "Tensor parallel", 1));
        pipelineParallel.setValue(link.integer("pp", "Pipeline stages", 1));
        microBatches.setValue(link.integer("mb", "Micro-batches", 1));
        virtualStages.setValue(link.integer("vp", "Interleaved chunks per GPU", 1));
        recompute.setValue(link.choice("recompute", "Recomputation", List.of(Recompute.values()),
                r -> r.name().toLowerCase(java.util.Locale.ROOT), Recompute::name, Recompute.NONE));
        // Links from before the choice carry flash=0 for the eager GPT core.
        if (link.text("attention").isEmpty() && "0".equals(link.text("flash").orElse("1"))) {
            attention.setValue(AttentionKernel.EAGER_DROPOUT);
        } else {
            attention.setValue(link.choice("attention", "Attention", List.of(AttentionKernel.values()),
                    AttentionKernel::id, AttentionKernel::label, AttentionKernel.FLASH));
        }
        sequenceParallel.setValue("1".equals(link.text("sp").orElse("0")));
        logits.setValue(link.choice("logits", "Loss logits", List.of(app.bytewise.engine.training.LogitsLoss.values()),
                app.bytewise.engine.training.LogitsLoss::id, app.bytewise.engine.training.LogitsLoss::label,
                app.bytewise.engine.training.LogitsLoss.FP32));
        Map<String, String> engineParams = new java.util.HashMap<>();
        for (String key : List.of("engine", "ctk", "ctv", "fa", "swafull", "unified", "ngl", "ncmoe")) {
            link.text(key).ifPresent(v -> engineParams.put(key, v));
        }
        engine.restore(engineParams);
        linkProblems.show(unknownModel.map(id -> models.similar(id, 3)), unknownModel.orElse(""), link.problems());
        restoring = false;
    }

    /** Writes the settings as query parameters under {@code prefix}. */
    void write(Map<String, String> p, String prefix) {
        CatalogModel m = model.getValue();
        if (m != null && CustomConfigField.CUSTOM_ID.equals(m.id())) {
            p.put(prefix + "config", ConfigParameter.encode(custom.appliedJson()));
            if (!custom.assumed().isEmpty()) {
                p.put(prefix + "assume", custom.assumed());
            }
        } else if (m != null) {
            p.put(prefix + "model", m.id());
        }
        p.put(prefix + "mode", mode.getValue());
        p.put(prefix + "weights", weights.getValue());
        p.put(prefix + "kv", kvCache.getValue());
        p.put(prefix + "context", String.valueOf(context.getValue()));
        p.put(prefix + "batch", String.valueOf(batch.getValue()));
        if (gpu.getValue() != null) {
            p.put(prefix + "gpu", gpu.getValue().id());
        }
        p.put(prefix + "gpus", String.valueOf(gpuCount.getValue()));
        p.put(prefix + "optimizer", optimizer.getValue().id());
        p.put(prefix + "zero", String.valueOf(zeroStage.getValue()));
        if (!"training".equals(mode.getValue())) {
            engine.write(p, prefix);
        }
        if ("training".equals(mode.getValue())) {
            p.put(prefix + "tp", String.valueOf(tensorParallel.getValue()));
            p.put(prefix + "pp", String.valueOf(pipelineParallel.getValue()));
            p.put(prefix + "mb", String.valueOf(microBatches.getValue()));
            if (virtualStages.getValue() != null && virtualStages.getValue() != 1) {
                p.put(prefix + "vp", String.valueOf(virtualStages.getValue()));
            }
            p.put(prefix + "recompute", recompute.getValue().name().toLowerCase(java.util.Locale.ROOT));
            p.put(prefix + "attention", attention.getValue().id());
            if (logits.getValue() != app.bytewise.engine.training.LogitsLoss.FP32) {
                p.put(prefix + "logits", logits.getValue().id());
            }
            p.put(prefix + "sp", sequenceParallel.getValue() ? "1" : "0");
            if (accounting.getValue() != Accounting.ZERO_PAPER) {
                p.put(prefix + "accounting", accounting.getValue().id());
            }
        }
    }

    /** Computes the estimate, or marks the offending field with its message and yields nothing. */
    Optional<Outcome> compute() {
        if (model.getValue() == null) {
            model.setErrorMessage(unknownModel.map(id -> "The link's model '" + id + "' is not in the catalog.")
                    .orElse("Choose a model."));
            model.setInvalid(true);
            return Optional.empty();
        }
        boolean training = "training".equals(mode.getValue());
        weights.setVisible(!training);
        kvCache.setVisible(!training);
        engine.setVisible(!training);
        List.<com.vaadin.flow.component.Component>of(optimizer, accounting, zeroStage, tensorParallel, pipelineParallel, microBatches, virtualStages, recompute,
                        attention, logits, sequenceParallel)
                .forEach(f -> f.setVisible(training));
        gpuCount.setLabel(training ? "Data-parallel GPUs" : "GPUs");
        List.<HasValidation>of(model, weights, context, batch, gpuCount, zeroStage, tensorParallel, pipelineParallel,
                microBatches, virtualStages, accounting).forEach(f -> f.setInvalid(false));
        try {
            return Optional.of(training ? training() : inference());
        } catch (InvalidInputException bad) {
            HasValidation field = switch (bad.field()) {
                case "weights" -> weights;
                case "batchSize" -> batch;
                case "gpuCount", "gpus" -> gpuCount;
                case "zeroStage" -> zeroStage;
                case "tensorParallel" -> tensorParallel;
                case "pipelineParallel" -> pipelineParallel;
                case "microBatches" -> microBatches;
                case "virtualStages" -> virtualStages;
                case "accounting" -> accounting;
                default -> context;
            };
            field.setErrorMessage(bad.getMessage());
            field.setInvalid(true);
            return Optional.empty();
        }
    }

    IntegerField context() {
        return context;
    }

    ComboBox<String> weights() {
        return weights;
    }

    ComboBox<CatalogModel> model() {
        return model;
    }

    Select<String> mode() {
        return mode;
    }

    IntegerField zeroStage() {
        return zeroStage;
    }

    CustomConfigField custom() {
        return custom;
    }

    EngineField engine() {
        return engine;
    }

    LinkProblems linkProblems() {
        return linkProblems;
    }

    CheckpointFileField checkpointFile() {
        return checkpointFile;
    }

    private void useCustom(CatalogModel own) {
        List<CatalogModel> items = new ArrayList<>(models.all());
        items.add(own);
        model.setItems(items);
        model.setValue(own);
    }

    private void changed() {
        if (!restoring) {
            // The user has taken over from the link.
            linkProblems.clear();
            unknownModel = Optional.empty();
            onChange.run();
        }
    }

    private Outcome inference() {
        CatalogModel m = model.getValue();
        InferenceRequest r = new InferenceRequest(m.model(), Formats.parse(required(weights.getValue())),
                KvFormat.parse(kvCache.getValue()), required(context, "contextLength"), required(batch, "batchSize"), true,
                0, InferenceRequest.DEFAULT_OVERHEAD_BYTES, Optional.ofNullable(gpu.getValue()), required(gpuCount, "gpuCount"));
        var result = InferenceEstimator.estimate(r);
        String label = m.name() + " · " + formatLabel(weights.getValue()) + " · KV cache "
                + KvFormat.parse(kvCache.getValue()).label() + " · "
                + String.format(Locale.ROOT, "%,d", context.getValue()) + " tokens × " + batch.getValue();
        var served = engine.allocate(r);
        return new Outcome(EstimateResultPanel.inference(m, result, r, gpus, served), result.memory().totalBytes(),
                result.memory().components(), label + served.map(a -> " · " + a.caches().engine()).orElse(""));
    }

    private Outcome training() {
        CatalogModel m = model.getValue();
        TrainingRequest r = TrainingRequest.of(m.model(), optimizer.getValue())
                .withZero(required(zeroStage, "zeroStage"), required(gpuCount, "gpus"))
                .withParallelism(required(tensorParallel, "tensorParallel"), required(pipelineParallel, "pipelineParallel"),
                        required(microBatches, "microBatches"), sequenceParallel.getValue())
                .withActivations(required(context, "contextLength"), required(batch, "batchSize"), recompute.getValue(),
                        attention.getValue())
                .withInterleaving(required(virtualStages, "virtualStages")).withLogits(logits.getValue())
                .onGpu(gpu.getValue()).withAccounting(accounting.getValue());
        var memory = TrainingEstimator.estimate(r);
        String label = m.name() + " · " + optimizer.getValue().label() + " · ZeRO-" + zeroStage.getValue() + " · DP "
                + gpuCount.getValue() + " × TP " + tensorParallel.getValue() + " × PP " + pipelineParallel.getValue()
                + " = " + r.totalGpus() + " GPUs"
                + (accounting.getValue() == Accounting.ZERO_PAPER ? "" : " · " + accounting.getValue().label());
        return new Outcome(EstimateResultPanel.training(m, memory, r, gpus,
                app.bytewise.engine.training.FrameworkChecks.of(r)), memory.perGpuBytes(), memory.components(), label);
    }

    /** A weight format's name for people ("GGUF Q4_K_M", "Checkpoint precision"); an unknown one as typed. */
    static String formatLabel(String id) {
        try {
            return Formats.parse(id).label();
        } catch (InvalidInputException unknown) {
            return id;
        }
    }

    private static String required(String format) {
        if (format == null || format.isBlank()) {
            throw new InvalidInputException("weights", "Choose a weight format.");
        }
        return format;
    }

    private static int required(IntegerField field, String name) {
        if (field.getValue() == null) {
            throw new InvalidInputException(name, "Enter a whole number.");
        }
        return field.getValue();
    }
}
