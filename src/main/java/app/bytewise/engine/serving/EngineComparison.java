package app.bytewise.engine.serving;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.inference.PrefillActivations;
import app.bytewise.engine.model.Attention;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.serving.llamacpp.LlamaCppProfile;
import app.bytewise.engine.serving.llamacpp.LlamaCppSettings;
import app.bytewise.engine.serving.sglang.SglangProfile;
import app.bytewise.engine.serving.transformers.TransformersProfile;
import app.bytewise.engine.serving.vllm.VllmBudget;
import app.bytewise.engine.serving.vllm.VllmProfile;
import app.bytewise.engine.serving.vllm.VllmSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The same model, context and batch in every engine profile with its defaults, each with a one-line
 * reason for how it differs from the others, or why it cannot say.
 */
public final class EngineComparison {

    /** One engine's answer: its allocation, or the reason there is none. */
    public record Row(String engine, String version, Optional<EngineAllocation> allocation, String reason) {
    }

    private EngineComparison() {
    }

    public static List<Row> of(Model model, long context, int batch, Optional<Gpu> gpu, int gpus, long weightBytes,
            long overheadBytes) {
        boolean mla = model.architecture().map(a -> a.layersOf(Attention.Latent.class) > 0).orElse(false);
        boolean windowed = model.architecture().map(a -> a.layersOf(Attention.Sliding.class)
                + a.layersOf(Attention.Chunked.class) > 0).orElse(false);
        List<Row> rows = new ArrayList<>();
        rows.add(row(LlamaCppProfile.NAME, LlamaCppProfile.VERSION, () -> LlamaCppProfile.allocate(model,
                LlamaCppSettings.defaults(LlamaCppSettings.contextFor(context, batch),
                        Math.min(batch, LlamaCppSettings.MAX_SEQ))), "Reserves n_ctx (padded to 256) at startup, one stream per "
                        + "sequence" + (mla ? "; MLA as the 576-wide latent, K only" : "")
                        + (windowed ? "; sliding layers only where its architecture has iSWA" : "") + "."));
        rows.add(row(VllmProfile.NAME, VllmProfile.VERSION, () -> {
            VllmSettings s = VllmSettings.defaults(context).withTensorParallel(gpus);
            long peak = model.architecture().map(a -> PrefillActivations.bytes(a, VllmBudget.defaultBatchedTokens(gpu), 1,
                    true)).orElse(0L);
            return VllmProfile.allocate(model, s, VllmBudget.of(s, gpu, weightBytes / gpus, peak, overheadBytes));
        }, "Takes what is left of 0.9 of the GPU after the weights and a profiling run, in 16-token pages shared by "
                + "all requests" + (mla ? "; MLA as one latent page" : "") + "."));
        rows.add(row(SglangProfile.NAME, SglangProfile.VERSION, () -> SglangProfile.allocate(model, OptionalLong.empty(),
                Optional.empty(), gpus, gpu, weightBytes / gpus, overheadBytes),
                "A token pool of mem_fraction_static of the GPU minus the weights, one slot per token."));
        rows.add(row(TransformersProfile.NAME, TransformersProfile.VERSION, () -> TransformersProfile.allocate(model, context,
                batch, 2), "Allocates nothing ahead: the cache is the tokens seen" + (mla ? ", MLA decompressed to every "
                + "head's key and value" : "") + (windowed ? ", sliding layers capped at the window" : "") + "."));
        return rows;
    }

    private static Row row(String engine, String version, java.util.function.Supplier<EngineAllocation> allocate,
            String reason) {
        try {
            return new Row(engine, version, Optional.of(allocate.get()), reason);
        } catch (InvalidInputException cannot) {
            return new Row(engine, version, Optional.empty(), cannot.getMessage());
        }
    }
}
