package app.bytewise.engine.format;

import static app.bytewise.engine.format.GgmlType.*;
import static app.bytewise.engine.model.TensorRole.*;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Attention;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.model.TensorGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A GGUF file as llama.cpp writes it, so its size is predicted from the tensor list rather than
 * from one bits-per-weight guess. {@code gguf:Q4_K_M} and the other llama-quantize file types
 * apply the per-tensor rules of {@code llama_tensor_get_type()} in {@code src/llama-quant.cpp}
 * (no imatrix); a bare type that is not a file type ({@code gguf:Q4_K}, {@code gguf:Q5_K},
 * {@code gguf:Q3_K}) stores every quantizable tensor in that type, as {@code --pure} does.
 * Tensors that are never quantized keep the type {@code convert_hf_to_gguf.py} gave them: F32 for
 * 1-D tensors, norms, the MoE router and position embeddings. Sizes count tensor data only; the
 * file adds metadata (vocabulary, hyper-parameters) and alignment padding.
 */
public record GgufFormat(String name, Optional<GgufFileType> mix, GgmlType pureType) implements WeightFormat {

    public static GgufFormat parse(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        Optional<GgufFileType> mix = GgufFileType.of(upper);
        if (mix.isPresent()) {
            return new GgufFormat(mix.get().name(), mix, mix.get().defaultType());
        }
        for (GgmlType type : List.of(Q2_K, Q3_K, Q4_K, Q5_K)) {
            if (type.name().equals(upper)) {
                return new GgufFormat(type.name(), Optional.empty(), type);
            }
        }
        throw new InvalidInputException("weights", "Unknown GGUF type '" + name + "'. Known: Q8_0, Q6_K, Q5_K_M, "
                + "Q5_K_S, Q5_K, Q5_1, Q5_0, Q4_K_M, Q4_K_S, Q4_K, Q4_1, Q4_0, Q3_K_L, Q3_K_M, Q3_K, Q2_K, MXFP4_MOE, F16.");
    }

    @Override
    public String id() {
        return "gguf:" + name;
    }

    @Override
    public String label() {
        return "GGUF " + name;
    }

    @Override
    public double nominalBits() {
        return pureType.bitsPerWeight();
    }

    @Override
    public String description() {
        return mix.isPresent()
                ? "llama.cpp " + name + ": " + pureType + " by default, with the mix's higher-precision tensors "
                        + "(output head, some attn_v/ffn_down layers); norms and 1-D tensors in F32."
                : "Every quantizable tensor in " + pureType + "; norms and 1-D tensors in F32.";
    }

    @Override
    public WeightLayout layout(Model model) {
        Architecture arch = model.requireArchitecture("A GGUF size");
        MixState state = new MixState(arch, model.tensorGroups());
        List<TensorGroup> groups = model.tensorGroups();
        List<GroupStorage> stored = new ArrayList<>();
        int i = 0;
        while (i < groups.size()) {
            // Groups over the same layers are listed layer by layer in the checkpoint; sorting their parts by
            // first layer (stable, so ties keep the listing order) keeps the types in order of first appearance.
            int end = TensorGroup.runEnd(groups, i);
            List<GroupStorage> parts = new ArrayList<>();
            for (TensorGroup g : groups.subList(i, end)) {
                Tensor t = g.first();
                Optional<Attention.Latent> mla = latentKvB(arch, t);
                if (mla.isPresent() && quantizable(t)) {
                    splitKvB(g, mla.get(), parts);
                } else if (!quantizable(t)) {
                    parts.add(storage(g, F32));
                } else if (!dependsOnLayer(t)) {
                    parts.add(storage(g, chosenType(t, t.layer(), state).fallbackFor(t.rowLength())));
                } else {
                    storeByLayer(g, state, parts);
                }
            }
            parts.sort(Comparator.comparingInt(part -> part.group().first().layer()));
            stored.addAll(parts);
            i = end;
        }
        return new WeightLayout(id(), stored);
    }

    /** An MLA model's {@code kv_b_proj}, which convert_hf_to_gguf.py writes as two tensors. */
    private static Optional<Attention.Latent> latentKvB(Architecture arch, Tensor t) {
        if (!t.name().endsWith("kv_b_proj.weight")) {
            return Optional.empty();
        }
        return arch.kinds().stream().map(k -> k.attention()).filter(Attention.Latent.class::isInstance)
                .map(Attention.Latent.class::cast).findFirst();
    }

    /**
     * DeepSeek's {@code kv_b_proj} as the GGUF holds it: {@code attn_k_b [qk_nope, kv_lora, heads]} and
     * {@code attn_v_b [kv_lora, v_head, heads]} (convert_hf_to_gguf.py, DeepseekV2Model). llama-quantize
     * puts neither in an attention-V category (tensor_get_category matches attn_kv_b, which the file no
     * longer has), so both take the mix's default type, falling back by their own row length: a
     * 128-value attn_k_b row is not a whole Q4_K block and goes to Q5_0.
     */
    private void splitKvB(TensorGroup g, Attention.Latent mla, List<GroupStorage> parts) {
        GgmlType base = mix.isEmpty() ? pureType
                : mix.get() == GgufFileType.MXFP4_MOE ? Q8_0 : mix.get().defaultType();
        Tensor t = g.first();
        long heads = mla.heads();
        Tensor k = Tensor.matrix(t.name() + " → attn_k_b", t.role(), t.layer(), heads * mla.kvLoraRank(),
                mla.qkNopeHeadDim());
        Tensor v = Tensor.matrix(t.name() + " → attn_v_b", t.role(), t.layer(), heads * mla.vHeadDim(),
                mla.kvLoraRank());
        for (Tensor part : List.of(k, v)) {
            TensorGroup split = new TensorGroup(g.pattern() + part.name().substring(t.name().length()), part, g.layers(),
                    g.experts());
            parts.add(storage(split, base.fallbackFor(part.rowLength())));
        }
    }

    /**
     * A group whose type changes from layer to layer (attn_v, ffn_down in a mix) is stored as runs of
     * consecutive layers of one type: a handful of parts, not one per layer.
     */
    private void storeByLayer(TensorGroup g, MixState state, List<GroupStorage> stored) {
        Tensor t = g.first();
        int from = t.layer();
        int end = from + g.layers();
        int runStart = from;
        GgmlType runType = null;
        for (int layer = from; layer < end; layer++) {
            GgmlType type = chosenType(t, layer, state).fallbackFor(t.rowLength());
            if (runType != null && type != runType) {
                stored.add(storage(g.layers(runStart, layer - runStart), runType));
                runStart = layer;
            }
            runType = type;
        }
        stored.add(storage(g.layers(runStart, end - runStart), runType));
    }

    private static GroupStorage storage(TensorGroup g, GgmlType type) {
        Tensor t = g.first();
        return new GroupStorage(g, type.name(), type.bytes(t.rows(), t.rowLength()));
    }

    /** Whether the mix's rule reads the layer index or llama.cpp's running count of attn_v tensors. */
    private boolean dependsOnLayer(Tensor t) {
        return mix.isPresent() && mix.get() != GgufFileType.F16 && mix.get() != GgufFileType.MXFP4_MOE
                && (t.role() == ATTN_V || t.role() == ATTN_QKV || t.role() == FFN_DOWN);
    }

    /**
     * llama-quantize leaves 1-D tensors (norms, biases), the router, position embeddings and the
     * state-space mixers' small tensors ({@code ssm_conv1d}, {@code ssm_a}, {@code ssm_d}) alone, and
     * quantizes only names ending in "weight" ({@code tensor_allows_quantization}, src/llama-quant.cpp),
     * so gpt-oss's stacked expert biases, 2-D, stay F32.
     */
    private static boolean quantizable(Tensor t) {
        return t.dimensions() >= 2 && t.role() != NORM && t.role() != BIAS && t.role() != ROUTER && t.role() != POSITION_EMBEDDING
                && t.role() != MIXER_STATE && t.role() != ATTN_SINKS;
    }

    /** The type for the copy of {@code t} in {@code layer}; attention values are one tensor per layer. */
    private GgmlType chosenType(Tensor t, int layer, MixState s) {
        if (mix.isEmpty() || mix.get() == GgufFileType.F16) {
            return pureType;
        }
        GgufFileType ftype = mix.get();
        GgmlType type = ftype.defaultType();
        boolean outputRule = t.role() == OUTPUT || (t.role() == TOKEN_EMBEDDING && !s.hasOutput);
        if (ftype == GgufFileType.MXFP4_MOE) {
            // llama_tensor_get_type (src/llama-quant.cpp): the output (and tied embeddings) Q8_0, tensors
            // with experts stacked along ne[2] MXFP4, everything else Q8_0; no per-layer rules.
            return !outputRule && (t.expert() >= 0 || t.stackedExperts() > 0) ? GgmlType.MXFP4 : Q8_0;
        }
        if (outputRule) {
            if (!type.divides(t.rowLength()) || s.falcon) {
                return Q8_0;
            }
            return type != Q8_0 ? Q6_K : type;
        }
        if (t.role() == ATTN_V || t.role() == ATTN_QKV) {
            return attnV(ftype, type, s);
        }
        if (t.role() == ATTN_K) {
            return s.experts == 8 ? Q8_0 : type;
        }
        if (t.role() == FFN_DOWN) {
            return ffnDown(ftype, type, layer, s);
        }
        if (t.role() == ATTN_OUTPUT) {
            return attnOutput(ftype, type, s);
        }
        return type;
    }

    private static GgmlType attnV(GgufFileType ftype, GgmlType type, MixState s) {
        int i = s.attentionV++;
        int n = s.attentionVCount;
        GgmlType chosen = switch (ftype) {
            case Q2_K -> s.gqa >= 4 ? Q4_K : Q3_K;
            case Q3_K_M -> i < 2 ? Q5_K : Q4_K;
            case Q3_K_L -> Q5_K;
            case Q4_K_M, Q5_K_M -> useMoreBits(i, n) ? Q6_K : type;
            case Q4_K_S -> i < 4 ? Q5_K : type;
            default -> type;
        };
        if (s.seventyB && (chosen == Q3_K || chosen == Q4_K)) {
            chosen = Q5_K;
        }
        return s.experts == 8 ? Q8_0 : chosen;
    }

    private static GgmlType ffnDown(GgufFileType ftype, GgmlType type, int layer, MixState s) {
        int n = s.layers;
        return switch (ftype) {
            case Q2_K -> Q3_K;
            case Q3_K_M -> layer < n / 16 ? Q5_K : s.falcon ? (useMoreBits(layer, n) ? Q4_K : Q3_K) : Q4_K;
            case Q3_K_L -> s.falcon ? Q4_K : Q5_K;
            case Q4_K_M -> s.falcon
                    ? (layer < n / 16 ? Q6_K : useMoreBits(layer, n) ? Q5_K : type)
                    : (useMoreBits(layer, n) ? Q6_K : type);
            case Q5_K_M -> useMoreBits(layer, n) ? Q6_K : type;
            case Q4_K_S -> layer < n / 8 ? Q5_K : type;
            default -> type;
        };
    }

    private static GgmlType attnOutput(GgufFileType ftype, GgmlType type, MixState s) {
        if (s.falcon) {
            return ftype == GgufFileType.Q3_K_L ? Q4_K : type;
        }
        if (s.experts == 8) {
            return switch (ftype) {
                case Q2_K, Q3_K_M, Q4_K_S, Q4_K_M -> Q5_K;
                default -> type;
            };
        }
        return switch (ftype) {
            case Q2_K -> Q3_K;
            case Q3_K_M -> Q4_K;
            case Q3_K_L -> Q5_K;
            default -> type;
        };
    }

    /** llama.cpp's {@code use_more_bits}: the first and last eighth of the layers, and every third in between. */
    static boolean useMoreBits(int i, int n) {
        return i < n / 8 || i >= 7 * n / 8 || (i - n / 8) % 3 == 2;
    }

    /** The counters and model facts the rules read, as {@code quantize_state_impl} keeps them. */
    private static final class MixState {
        final boolean falcon;
        final int experts;
        final int gqa;
        final int layers;
        final boolean seventyB;
        final boolean hasOutput;
        final int attentionVCount;
        int attentionV;

        MixState(Architecture arch, List<TensorGroup> groups) {
            falcon = arch.family().equals("falcon");
            experts = arch.experts();
            gqa = arch.gqaGroupSize();
            layers = arch.layers();
            // llama.cpp types 80-layer Llama models with GQA (and 80-layer Qwen2) as LLM_TYPE_70B.
            seventyB = arch.layers() == 80 && ((arch.family().equals("llama") && arch.kvHeads() != arch.attentionHeads())
                    || arch.family().equals("qwen2"));
            hasOutput = groups.stream().anyMatch(g -> g.role() == OUTPUT);
            // An MLA kv_b_proj is two tensors in the GGUF, neither counted as attention V.
            attentionVCount = (int) groups.stream().filter(g -> (g.role() == ATTN_V || g.role() == ATTN_QKV)
                    && !g.first().name().endsWith("kv_b_proj.weight")).mapToLong(TensorGroup::copies).sum();
        }
    }
}
