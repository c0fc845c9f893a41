package app.bytewise.ui;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.catalog.ModelCatalog;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.inference.InferenceEstimator;
import app.bytewise.engine.inference.InferenceRequest;
import app.bytewise.engine.inference.InferenceResult;
import app.bytewise.engine.inference.KvFormat;
import app.bytewise.engine.training.Optimizer;
import app.bytewise.engine.training.TrainingEstimator;
import app.bytewise.engine.training.TrainingRequest;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The estimator: a catalog model, mode, formats, context, batch and GPUs in; the memory breakdown,
 * GPU fit, decode bound, worked steps and tensor list out. The settings live in the URL, so a
 * result can be shared; invalid input marks the field and keeps the last valid result.
 */
@Route("estimator")
@PageTitle("Estimator | Bytewise")
@AnonymousAllowed
public class EstimatorView extends VerticalLayout implements BeforeEnterObserver {

    static final List<String> WEIGHT_FORMATS = List.of("fp32", "bf16", "fp16", "fp8-e4m3", "int8", "int4", "nf4",
            "nf4-dq", "gptq-4bit-g128", "awq-4bit-g128", "gguf:Q8_0", "gguf:Q6_K", "gguf:Q5_K_M", "gguf:Q4_K_M",
            "gguf:Q4_0", "gguf:Q3_K_M", "gguf:Q2_K");

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
    private final IntegerField zeroStage = new IntegerField("ZeRO stage");
    private final Div result = new Div();
    private boolean restoring;

    public EstimatorView(ModelCatalog models, GpuCatalog gpus) {
        this.models = models;
        this.gpus = gpus;
        addClassName("bw-page");
        addClassName("bw-estimator");
        model.setItems(models.all());
        model.setItemLabelGenerator(m -> m.name() + String.format(" (%,.1fB)", m.model().parameters() / 1e9));
        mode.setLabel("Mode");
        mode.setItems("inference", "training");
        weights.setItems(WEIGHT_FORMATS);
        weights.setAllowCustomValue(true);
        weights.addCustomValueSetListener(e -> weights.setValue(e.getDetail()));
        kvCache.setLabel("KV cache");
        kvCache.setItems(KvFormat.all().stream().map(KvFormat::id).toList());
        gpu.setItems(gpus.all());
        gpu.setItemLabelGenerator(g -> g.name() + " · " + g.memoryGiB() + " GiB");
        gpu.setClearButtonVisible(true);
        optimizer.setLabel("Optimizer");
        optimizer.setItems(Optimizer.values());
        optimizer.setItemLabelGenerator(Optimizer::label);
        List.of(context, batch, gpuCount, zeroStage).forEach(f -> f.setStepButtonsVisible(true));
        FlexLayout form = new FlexLayout(model, mode, weights, kvCache, context, batch, gpu, gpuCount, optimizer, zeroStage);
        form.addClassName("bw-estimator-form");
        result.addClassName("bw-estimator-result");
        add(new H1("Estimator"), form, result);
        List.of(model, weights, gpu).forEach(f -> f.addValueChangeListener(e -> changed()));
        List.of(mode, kvCache).forEach(f -> f.addValueChangeListener(e -> changed()));
        optimizer.addValueChangeListener(e -> changed());
        List.of(context, batch, gpuCount, zeroStage).forEach(f -> f.addValueChangeListener(e -> changed()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        restoring = true;
        model.setValue(models.find(first(q, "model", "llama-2-7b")).orElse(models.require("llama-2-7b", "model")));
        mode.setValue("training".equals(first(q, "mode", "inference")) ? "training" : "inference");
        weights.setValue(first(q, "weights", "bf16"));
        kvCache.setValue(first(q, "kv", "fp16"));
        context.setValue(intParam(q, "context", 4096));
        batch.setValue(intParam(q, "batch", 1));
        gpu.setValue(gpus.find(first(q, "gpu", "")).orElse(null));
        gpuCount.setValue(intParam(q, "gpus", 1));
        optimizer.setValue(java.util.Arrays.stream(Optimizer.values()).filter(o -> o.id().equals(first(q, "optimizer",
                "adamw-mixed"))).findFirst().orElse(Optimizer.ADAMW_MIXED));
        zeroStage.setValue(intParam(q, "zero", 0));
        restoring = false;
        changed();
    }

    /** The result panel, for tests. */
    Div result() {
        return result;
    }

    private void changed() {
        if (restoring || model.getValue() == null) {
            return;
        }
        boolean training = "training".equals(mode.getValue());
        weights.setVisible(!training);
        kvCache.setVisible(!training);
        optimizer.setVisible(training);
        zeroStage.setVisible(training);
        weights.setInvalid(false);
        List.of(context, batch, gpuCount, zeroStage).forEach(f -> f.setInvalid(false));
        try {
            EstimateResultPanel panel = training ? trainingResult() : inferenceResult();
            result.removeAll();
            result.add(panel);
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "estimator?" + query().getQueryString()));
        } catch (InvalidInputException bad) {
            com.vaadin.flow.component.HasValidation field = switch (bad.field()) {
                case "weights" -> weights;
                case "batchSize" -> batch;
                case "gpuCount", "gpus" -> gpuCount;
                case "zeroStage" -> zeroStage;
                default -> context;
            };
            field.setErrorMessage(bad.getMessage());
            field.setInvalid(true);
        }
    }

    private EstimateResultPanel inferenceResult() {
        InferenceRequest r = new InferenceRequest(model.getValue().model(), Formats.parse(value(weights.getValue())),
                KvFormat.parse(kvCache.getValue()), required(context, "contextLength"), required(batch, "batchSize"), true,
                0, InferenceRequest.DEFAULT_OVERHEAD_BYTES, Optional.ofNullable(gpu.getValue()), required(gpuCount, "gpuCount"));
        InferenceResult result = InferenceEstimator.estimate(r);
        return EstimateResultPanel.inference(model.getValue(), result, r, gpus);
    }

    private EstimateResultPanel trainingResult() {
        TrainingRequest r = TrainingRequest.of(model.getValue().model(), optimizer.getValue())
                .withZero(required(zeroStage, "zeroStage"), required(gpuCount, "gpus"))
                .withActivations(required(context, "contextLength"), required(batch, "batchSize"),
                        app.bytewise.engine.training.Recompute.NONE, true)
                .onGpu(gpu.getValue());
        return EstimateResultPanel.training(model.getValue(), TrainingEstimator.estimate(r), gpus);
    }

    private QueryParameters query() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("model", model.getValue().id());
        p.put("mode", mode.getValue());
        p.put("weights", weights.getValue());
        p.put("kv", kvCache.getValue());
        p.put("context", String.valueOf(context.getValue()));
        p.put("batch", String.valueOf(batch.getValue()));
        if (gpu.getValue() != null) {
            p.put("gpu", gpu.getValue().id());
        }
        p.put("gpus", String.valueOf(gpuCount.getValue()));
        p.put("optimizer", optimizer.getValue().id());
        p.put("zero", String.valueOf(zeroStage.getValue()));
        return QueryParameters.simple(p);
    }

    private static String value(String format) {
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

    private static String first(Map<String, List<String>> q, String key, String fallback) {
        return q.getOrDefault(key, List.of(fallback)).get(0);
    }

    private static int intParam(Map<String, List<String>> q, String key, int fallback) {
        try {
            return Integer.parseInt(first(q, key, String.valueOf(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
