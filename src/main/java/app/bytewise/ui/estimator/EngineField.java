package app.bytewise.ui.estimator;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.serving.EngineAllocation;
import app.bytewise.engine.serving.llamacpp.LlamaCppCacheType;
import app.bytewise.engine.serving.llamacpp.LlamaCppProfile;
import app.bytewise.engine.serving.llamacpp.LlamaCppSettings;
import app.bytewise.engine.serving.llamacpp.LlamaCppSettings.FlashAttention;
import app.bytewise.engine.inference.InferenceRequest;
import app.bytewise.engine.serving.llamacpp.LlamaCppOffload;
import app.bytewise.engine.serving.llamacpp.LlamaCppPlacement;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The serving engine to allocate as, with its main settings: none (the engine-free figure only) or
 * llama.cpp, whose context is the form's context × batch, one sequence per batch entry, with
 * llama-server's defaults. Settings live in the URL under the form's prefix.
 */
final class EngineField extends Div {

    static final String NONE = "none";

    private final Select<String> engine = new Select<>();
    private final Select<LlamaCppCacheType> cacheK = new Select<>();
    private final Select<LlamaCppCacheType> cacheV = new Select<>();
    private final Select<FlashAttention> flash = new Select<>();
    private final Checkbox swaFull = new Checkbox("Full-size sliding caches (--swa-full)");
    private final Checkbox unified = new Checkbox("One unified cache for all sequences (--kv-unified)");
    private final IntegerField gpuLayers = new IntegerField("GPU layers (-ngl)");
    private final IntegerField cpuMoe = new IntegerField("Experts kept on the CPU (--n-cpu-moe)");
    private final FlexLayout settings;

    EngineField(Runnable changed) {
        addClassName("bw-engine-field");
        engine.setLabel("Serving engine");
        engine.setItems(NONE, LlamaCppProfile.NAME);
        engine.setItemLabelGenerator(e -> e.equals(NONE) ? "None (engine-free figure)" : "llama.cpp " + LlamaCppProfile.VERSION);
        cacheK.setLabel("K cache type (-ctk)");
        cacheV.setLabel("V cache type (-ctv)");
        List.of(cacheK, cacheV).forEach(s -> {
            s.setItems(LlamaCppCacheType.values());
            s.setItemLabelGenerator(LlamaCppCacheType::id);
        });
        flash.setLabel("Flash attention (-fa)");
        flash.setItems(FlashAttention.values());
        flash.setItemLabelGenerator(f -> f.name().toLowerCase(Locale.ROOT));
        gpuLayers.setMin(-1);
        gpuLayers.setMax(100_000);
        gpuLayers.setPlaceholder("all");
        gpuLayers.setHelperText("Counts the output layer, offloaded first; empty or -1 for all");
        cpuMoe.setMin(0);
        cpuMoe.setMax(100_000);
        cpuMoe.setPlaceholder("0");
        cpuMoe.setHelperText("Routed experts of the first N layers stay in RAM");
        settings = new FlexLayout(cacheK, cacheV, flash, gpuLayers, cpuMoe, swaFull, unified);
        settings.addClassName("bw-estimator-form");
        add(engine, settings);
        engine.addValueChangeListener(e -> {
            settings.setVisible(!NONE.equals(e.getValue()));
            changed.run();
        });
        List.of(cacheK, cacheV).forEach(s -> s.addValueChangeListener(e -> changed.run()));
        flash.addValueChangeListener(e -> changed.run());
        List.of(gpuLayers, cpuMoe).forEach(f -> f.addValueChangeListener(e -> changed.run()));
        List.of(swaFull, unified).forEach(c -> c.addValueChangeListener(e -> changed.run()));
    }

    void restore(Map<String, String> q) {
        engine.setValue(LlamaCppProfile.NAME.equals(q.get("engine")) ? LlamaCppProfile.NAME : NONE);
        cacheK.setValue(type(q.get("ctk")));
        cacheV.setValue(type(q.get("ctv")));
        flash.setValue(Arrays.stream(FlashAttention.values()).filter(f -> f.name().equalsIgnoreCase(q.getOrDefault("fa", "")))
                .findFirst().orElse(FlashAttention.AUTO));
        swaFull.setValue("1".equals(q.get("swafull")));
        unified.setValue("1".equals(q.get("unified")));
        gpuLayers.setValue(number(q.get("ngl")));
        cpuMoe.setValue(number(q.get("ncmoe")));
        settings.setVisible(!NONE.equals(engine.getValue()));
    }

    void write(Map<String, String> p, String prefix) {
        if (NONE.equals(engine.getValue())) {
            return;
        }
        p.put(prefix + "engine", engine.getValue());
        p.put(prefix + "ctk", cacheK.getValue().id());
        p.put(prefix + "ctv", cacheV.getValue().id());
        p.put(prefix + "fa", flash.getValue().name().toLowerCase(Locale.ROOT));
        p.put(prefix + "swafull", swaFull.getValue() ? "1" : "0");
        p.put(prefix + "unified", unified.getValue() ? "1" : "0");
        if (gpuLayers.getValue() != null) {
            p.put(prefix + "ngl", String.valueOf(gpuLayers.getValue()));
        }
        if (cpuMoe.getValue() != null) {
            p.put(prefix + "ncmoe", String.valueOf(cpuMoe.getValue()));
        }
    }

    /**
     * What the chosen engine allocates for {@code r}'s sequences of its context, and where llama.cpp puts
     * it on the request's GPUs; empty for none or when a setting is refused (the field shows why).
     */
    Optional<ServedEngine> allocate(InferenceRequest r) {
        List.of(engine, cacheK, cacheV).forEach(f -> f.setInvalid(false));
        List.of(gpuLayers, cpuMoe).forEach(f -> f.setInvalid(false));
        if (NONE.equals(engine.getValue())) {
            return Optional.empty();
        }
        Model model = r.model();
        try {
            int seq = Math.min(r.batchSize(), LlamaCppSettings.MAX_SEQ);
            LlamaCppSettings s = new LlamaCppSettings(LlamaCppSettings.contextFor(r.contextLength(), seq), seq,
                    LlamaCppSettings.DEFAULT_UBATCH, unified.getValue(), swaFull.getValue(), cacheK.getValue(),
                    cacheV.getValue(), flash.getValue());
            EngineAllocation caches = LlamaCppProfile.allocate(model, s);
            LlamaCppOffload offload = LlamaCppOffload.defaults()
                    .withGpuLayers(gpuLayers.getValue() == null ? LlamaCppOffload.ALL : gpuLayers.getValue())
                    .withCpuMoe(cpuMoe.getValue() == null ? 0 : cpuMoe.getValue());
            LlamaCppPlacement.Attempt attempt = LlamaCppPlacement.attempt(r, s, caches, offload);
            return Optional.of(new ServedEngine(caches, attempt.placement(), attempt.gap()));
        } catch (InvalidInputException bad) {
            HasValidation field = switch (bad.field()) {
                case "engine.cacheTypeK" -> cacheK;
                case "engine.cacheTypeV" -> cacheV;
                case "engine.nGpuLayers" -> gpuLayers;
                case "engine.nCpuMoe" -> cpuMoe;
                default -> engine;
            };
            field.setErrorMessage(bad.getMessage());
            field.setInvalid(true);
            return Optional.empty();
        }
    }

    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException notNumber) {
            return null;
        }
    }

    Select<String> engine() {
        return engine;
    }

    Select<LlamaCppCacheType> cacheV() {
        return cacheV;
    }

    Select<FlashAttention> flash() {
        return flash;
    }

    private static LlamaCppCacheType type(String id) {
        return Arrays.stream(LlamaCppCacheType.values()).filter(t -> t.id().equals(id)).findFirst()
                .orElse(LlamaCppCacheType.F16);
    }
}
