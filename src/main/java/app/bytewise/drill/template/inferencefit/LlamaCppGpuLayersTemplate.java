package app.bytewise.drill.template.inferencefit;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.NumericTemplate;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.TemplateKey;
import app.bytewise.drill.Topic;
import app.bytewise.drill.answer.Unit;
import app.bytewise.drill.template.DrillContext;
import app.bytewise.engine.Step;
import app.bytewise.engine.Step.Input;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.format.GgufFormat;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.serving.EngineAllocation;
import app.bytewise.engine.serving.llamacpp.LlamaCppOffload;
import app.bytewise.engine.serving.llamacpp.LlamaCppPlacement;
import app.bytewise.engine.serving.llamacpp.LlamaCppProfile;
import app.bytewise.engine.serving.llamacpp.LlamaCppSettings;
import app.bytewise.engine.serving.llamacpp.LlamaCppWeights;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What llama.cpp puts on the GPU with {@code -ngl N}: the output layer first, then the last N − 1
 * repeating layers, the token embeddings never ({@link LlamaCppPlacement}, whose full offload of
 * Llama-2-7B F16 is pinned to the 12,603.02 MiB llama.cpp's own CI printed).
 */
public final class LlamaCppGpuLayersTemplate extends NumericTemplate {

    static final TemplateKey KEY = new TemplateKey("llamacpp-ngl-gpu-weights", Topic.INFERENCE_FIT, Difficulty.HARD);
    private static final BigDecimal MIB_PER_MB = new BigDecimal(1L << 20).divide(new BigDecimal(1_000_000));
    private final DrillContext context;

    public LlamaCppGpuLayersTemplate(DrillContext context) {
        super(KEY);
        this.context = context;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        CatalogModel m = context.model(random, "llama-2-7b", "llama-2-13b", "meta-llama-3-8b", "llama-3-1-8b",
                "mistral-7b-v0-1");
        Architecture a = m.model().architecture().orElseThrow();
        String type = DrillContext.pick(random, List.of("F16", "Q8_0", "Q4_0"));
        int ngl = 2 + random.nextInt(a.layers() - 2);
        Gpu gpu = context.gpu(random, "a100-80gb-sxm", "h100-sxm");
        LlamaCppWeights w = LlamaCppWeights.ofLayout(GgufFormat.parse(type).layout(m.model()));
        long onGpu = gpuModelBytes(m, w, ngl, gpu);
        long outputOnly = gpuModelBytes(m, w, 1, gpu);
        long lastLayers = gpuModelBytes(m, w, ngl + 1, gpu) - outputOnly;
        String text = String.format(Locale.ROOT, "%s (%d repeating layers, untied output) is a %s GGUF file served by "
                + "llama-server with -ngl %d on one %s, which has room for all of it. What does llama.cpp print as the "
                + "CUDA0 model buffer size, in MiB?", m.name(), a.layers(), type, ngl, gpu.name());
        Step step = Step.bytes("gpuWeights", "Weights on the GPU", "output layer + the last (N − 1) repeating layers, "
                + "each tensor padded to 128 bytes", List.of(Input.of("N", ngl, "-ngl"), Input.of("output layer", outputOnly,
                "bytes"), Input.of("repeating layers", ngl - 1, "")), onGpu, "The token embeddings ("
                + String.format(Locale.ROOT, "%,d", w.tokenEmbeddingBytes()) + " bytes) stay on the CPU.");
        return new Scenario(text, NumericAnswer.bytes(onGpu, Unit.MIB_UNIT),
                Scenario.wrong(Misconception.NGL_WITHOUT_OUTPUT, lastLayers,
                        Misconception.EMBEDDINGS_ON_GPU, onGpu + w.tokenEmbeddingBytes(),
                        Misconception.GB_AS_GIB, BigDecimal.valueOf(onGpu).multiply(MIB_PER_MB)),
                List.of(step), "-ngl counts the output layer and offloads it first; the embeddings stay on the CPU.");
    }

    private static long gpuModelBytes(CatalogModel m, LlamaCppWeights w, int ngl, Gpu gpu) {
        LlamaCppSettings s = LlamaCppSettings.defaults(4096, 1);
        EngineAllocation caches = LlamaCppProfile.allocate(m.model(), s);
        return LlamaCppPlacement.place(m.model(), w, s, caches, LlamaCppOffload.defaults().withGpuLayers(ngl),
                List.of(gpu), true).gpus().getFirst().modelBytes();
    }
}
