package app.bytewise.ui.lesson;

import app.bytewise.engine.ByteCount;
import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.MemoryEstimate;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.catalog.ModelCatalog;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.inference.InferenceEstimator;
import app.bytewise.engine.inference.InferenceRequest;
import app.bytewise.engine.inference.KvFormat;
import app.bytewise.engine.training.AttentionKernel;
import app.bytewise.engine.training.Optimizer;
import app.bytewise.engine.training.Recompute;
import app.bytewise.engine.training.TrainingEstimator;
import app.bytewise.engine.training.TrainingRequest;
import app.bytewise.ui.ComponentNames;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lesson's mini-calculator: the example's settings as editable fields and the engine's answer
 * under them, recomputed on every change. Every control a lesson's text names is here (the weight
 * and KV-cache formats, FlashAttention or the attention implementation, the optimizer); choices
 * show their names, not their ids. Invalid input shows the field's error (a cleared choice too) and keeps the last result.
 */
public class LiveEstimate extends Div {

    private static final List<String> WEIGHTS = List.of("fp32", "bf16", "fp16", "fp8-e4m3", "int8", "int4", "nf4",
            "gptq-4bit-g128", "awq-4bit-g128", "gguf:Q8_0", "gguf:Q6_K", "gguf:Q5_K_M", "gguf:Q4_K_M", "gguf:Q3_K_M",
            "gguf:Q2_K");

    private final boolean training;
    private final ComboBox<CatalogModel> model = new ComboBox<>("Model");
    private final ComboBox<String> weights = new ComboBox<>("Weights");
    private final ComboBox<KvFormat> kvCache = new ComboBox<>("KV cache");
    private final Checkbox flash = new Checkbox("FlashAttention");
    private final ComboBox<AttentionKernel> attention = new ComboBox<>("Attention");
    private final ComboBox<Optimizer> optimizer = new ComboBox<>("Optimizer");
    private final IntegerField context = new IntegerField("Context (tokens)");
    private final IntegerField batch = new IntegerField("Batch");
    private final ComboBox<Gpu> gpu = new ComboBox<>("GPU");
    private final IntegerField zeroStage = new IntegerField("ZeRO stage");
    private final IntegerField ranks = new IntegerField("GPUs (data parallel)");
    private final Div result = new Div();

    public LiveEstimate(ModelCatalog models, GpuCatalog gpus, Map<String, String> settings) {
        addClassName("bw-live");
        training = "training".equals(settings.get("mode"));
        model.setItems(models.all());
        model.setItemLabelGenerator(CatalogModel::name);
        model.setValue(models.require(settings.getOrDefault("model", "llama-2-7b"), "model"));
        weights.setItems(WEIGHTS);
        weights.setItemLabelGenerator(id -> Formats.parse(id).label());
        weights.setValue(settings.getOrDefault("weights", "bf16"));
        kvCache.setItems(KvFormat.all());
        kvCache.setItemLabelGenerator(KvFormat::label);
        kvCache.setValue(KvFormat.parse(settings.getOrDefault("kvCache", "fp16")));
        flash.setValue(Boolean.parseBoolean(settings.getOrDefault("flash", "true")));
        attention.setItems(AttentionKernel.values());
        attention.setItemLabelGenerator(AttentionKernel::label);
        attention.setValue(AttentionKernel.parse(settings.getOrDefault("attention", "flash")));
        optimizer.setItems(Optimizer.values());
        optimizer.setItemLabelGenerator(Optimizer::label);
        optimizer.setValue(Optimizer.parse(settings.getOrDefault("optimizer", "adamw-mixed")));
        context.setValue(Integer.parseInt(settings.getOrDefault("context", "4096")));
        batch.setValue(Integer.parseInt(settings.getOrDefault("batch", "1")));
        gpu.setItems(gpus.all());
        gpu.setItemLabelGenerator(Gpu::name);
        gpu.setClearButtonVisible(true);
        Optional.ofNullable(settings.get("gpu")).map(id -> gpus.require(id, "gpu")).ifPresent(gpu::setValue);
        zeroStage.setValue(Integer.parseInt(settings.getOrDefault("zeroStage", "0")));
        ranks.setValue(Integer.parseInt(settings.getOrDefault("gpus", "1")));
        List<Component> shown = training
                ? List.of(model, optimizer, context, batch, attention, zeroStage, ranks, gpu)
                : List.of(model, weights, kvCache, context, batch, gpu, flash);
        FlexLayout fields = new FlexLayout(shown.toArray(Component[]::new));
        fields.addClassName("bw-live-fields");
        result.addClassName("bw-live-result");
        add(fields, result);
        List.of(model, weights, kvCache, attention, optimizer, gpu).forEach(f -> f.addValueChangeListener(e -> recompute()));
        flash.addValueChangeListener(e -> recompute());
        List.of(context, batch, zeroStage, ranks).forEach(f -> f.addValueChangeListener(e -> recompute()));
        recompute();
    }

    /** The current answer as text, for tests and screen readers. */
    public String resultText() {
        return result.getElement().getTextRecursively();
    }

    private void recompute() {
        List.of(context, batch, zeroStage, ranks).forEach(f -> f.setInvalid(false));
        boolean chosen = true;
        for (ComboBox<?> box : List.of(model, weights, kvCache, attention, optimizer)) {
            box.setInvalid(box.getValue() == null);
            box.setErrorMessage("Choose one.");
            chosen &= !box.isInvalid();
        }
        if (!chosen) {
            return;
        }
        try {
            MemoryEstimate e = training ? trainingEstimate() : inferenceEstimate();
            result.removeAll();
            e.components().forEach((k, v) -> result.add(line(ComponentNames.of(k), ByteCount.of(v).display())));
            result.add(line(training ? "Per GPU" : "Total", ByteCount.of(training ? e.perGpuBytes() : e.totalBytes()).display()));
            e.fits().ifPresent(f -> result.add(line(gpu.getValue().name(), f ? "fits" : "does not fit")));
        } catch (InvalidInputException bad) {
            IntegerField field = switch (bad.field()) {
                case "batchSize" -> batch;
                case "zeroStage" -> zeroStage;
                case "gpus" -> ranks;
                default -> context;
            };
            field.setErrorMessage(bad.getMessage());
            field.setInvalid(true);
        }
    }

    private MemoryEstimate inferenceEstimate() {
        InferenceRequest r = new InferenceRequest(model.getValue().model(), Formats.parse(weights.getValue()),
                kvCache.getValue(), value(context, "contextLength"), value(batch, "batchSize"), flash.getValue(), 0,
                InferenceRequest.DEFAULT_OVERHEAD_BYTES, Optional.ofNullable(gpu.getValue()), 1);
        return InferenceEstimator.memory(r);
    }

    private MemoryEstimate trainingEstimate() {
        TrainingRequest r = TrainingRequest.of(model.getValue().model(), optimizer.getValue())
                .withZero(value(zeroStage, "zeroStage"), value(ranks, "gpus"))
                .withActivations(value(context, "contextLength"), value(batch, "batchSize"), Recompute.NONE,
                        attention.getValue())
                .onGpu(gpu.getValue());
        return TrainingEstimator.estimate(r);
    }

    private static int value(IntegerField field, String name) {
        if (field.getValue() == null) {
            throw new InvalidInputException(name, "Enter a whole number.");
        }
        return field.getValue();
    }

    private static Div line(String label, String value) {
        Span l = new Span(label);
        l.addClassName("bw-live-label");
        Div d = new Div(l, new Span(value));
        d.addClassName("bw-live-line");
        return d;
    }
}
