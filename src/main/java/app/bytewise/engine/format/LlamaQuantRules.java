package app.bytewise.engine.format;

import static app.bytewise.engine.format.GgmlType.*;
import static app.bytewise.engine.model.TensorRole.*;

import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.model.TensorGroup;
import java.util.List;

/**
 * llama-quantize's choice of a type per tensor for one file type: {@code llama_tensor_get_type_impl}
 * of src/llama-quant.cpp (llama.cpp v0.5.0), branch by branch, with the counters and model facts of
 * its {@code quantize_state_impl}. One instance per layout: it counts attention-V tensors as they
 * are asked for, in file order, as llama-quantize does.
 */
final class LlamaQuantRules {

    private final GgufFileType ftype;
    private final boolean imatrix;
    private final boolean falcon;
    private final int experts;
    private final int gqa;
    private final int layers;
    private final boolean seventyB;
    private final boolean hasOutput;
    private final int attentionVCount;
    private final FfnDownCounter ffnDown;
    private int attentionV;

    LlamaQuantRules(GgufFileType ftype, boolean imatrix, Architecture arch, List<TensorGroup> groups) {
        this.ftype = ftype;
        this.imatrix = imatrix;
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
        ffnDown = new FfnDownCounter(groups);
    }

    /** Whether the choice for {@code t} can change from layer to layer. */
    boolean dependsOnLayer(Tensor t) {
        return ftype.hasRules() && ftype != GgufFileType.MXFP4_MOE && (t.role() == ATTN_V || t.role() == ATTN_QKV
                || t.role() == FFN_DOWN || t.role() == FFN_GATE || t.role() == FFN_UP || t.role() == FFN_GATE_UP);
    }

    /** The type (before the row-length fallback) for the copy of {@code t} in {@code layer}. */
    GgmlType typeOf(Tensor t, int layer) {
        GgmlType type = ftype.defaultType();
        if (!ftype.hasRules()) {
            return type;
        }
        if (t.role() == OUTPUT || (t.role() == TOKEN_EMBEDDING && !hasOutput)) {
            return output(t, type);
        }
        if (ftype == GgufFileType.MXFP4_MOE) {
            // Tensors with experts stacked along ne[2] MXFP4, everything else Q8_0.
            return t.isExpert() ? MXFP4 : Q8_0;
        }
        if (t.role() == TOKEN_EMBEDDING) {
            return switch (ftype) {
                case IQ2_XXS, IQ2_XS, IQ1_S, IQ1_M -> Q2_K;
                case IQ2_S, IQ2_M, IQ3_XXS -> IQ3_S;
                case TQ1_0, TQ2_0, Q2_0 -> Q4_K;
                default -> type;
            };
        }
        if (latentProjection(t)) {
            return type;
        }
        return switch (ftype) {
            case IQ2_XXS, IQ2_XS, IQ1_S, IQ2_S, IQ2_M, IQ1_M -> LowBitRules.typeOf(this, t, layer, type);
            default -> switch (t.role()) {
                case ATTN_V, ATTN_QKV -> attnV(type);
                case ATTN_K -> experts == 8 ? Q8_0 : ftype == GgufFileType.IQ3_XS ? IQ3_XXS
                        : ftype == GgufFileType.IQ3_XXS ? IQ2_S : type;
                case ATTN_Q -> ftype == GgufFileType.IQ3_XS ? IQ3_XXS : ftype == GgufFileType.IQ3_XXS ? IQ2_S : type;
                case FFN_DOWN -> ffnDown(t, type, layer);
                case ATTN_OUTPUT -> attnOutput(type);
                case FFN_GATE, FFN_UP, FFN_GATE_UP ->
                        ftype == GgufFileType.IQ3_XS && layer >= layers / 8 && layer < 7 * layers / 8 ? IQ3_XXS : type;
                default -> type;
            };
        };
    }

    /**
     * MLA's low-rank projections ({@code attn_q_a}, {@code attn_q_b}, {@code attn_kv_a_mqa} in the GGUF):
     * query and key inputs to us, but names that tensor_get_category files under OTHER, which takes
     * the default type in every mix.
     */
    private static boolean latentProjection(Tensor t) {
        String name = t.name();
        return name.contains("q_a_proj") || name.contains("q_b_proj") || name.contains("kv_a_proj");
    }

    /** The output head, and tied token embeddings: Q8_0 if the default's block does not divide a row. */
    private GgmlType output(Tensor t, GgmlType type) {
        if (ftype == GgufFileType.MXFP4_MOE || falcon || !type.divides(t.rowLength())) {
            return Q8_0;
        }
        return switch (ftype) {
            case IQ2_XXS, IQ2_XS, IQ3_XXS, IQ1_S, IQ2_S, IQ2_M, IQ1_M -> Q5_K;
            default -> type != Q8_0 ? Q6_K : type;
        };
    }

    private GgmlType attnV(GgmlType type) {
        int i = attentionV++;
        GgmlType chosen = switch (ftype) {
            case Q2_K -> gqa >= 4 ? Q4_K : Q3_K;
            case Q2_K_S -> gqa >= 4 ? Q4_K : type;
            case IQ3_XXS -> gqa >= 4 ? Q4_K : !imatrix ? IQ3_S : IQ3_XXS;
            case IQ3_XS, IQ3_S -> gqa >= 4 ? Q4_K : type;
            case IQ3_M -> Q4_K;
            case Q3_K_M -> i < 2 ? Q5_K : Q4_K;
            case Q3_K_L -> Q5_K;
            case IQ4_NL, IQ4_XS -> gqa >= 4 ? Q5_K : type;
            case Q4_K_M, Q5_K_M -> useMoreBits(i, attentionVCount) ? Q6_K : type;
            case Q4_K_S -> i < 4 ? Q5_K : type;
            default -> type;
        };
        if (seventyB && (chosen == Q3_K || chosen == Q4_K)) {
            chosen = Q5_K;
        }
        return experts == 8 ? Q8_0 : chosen;
    }

    private GgmlType ffnDown(Tensor t, GgmlType type, int at) {
        // layer_info(): a MoE model's layer from the tensor's name, otherwise the running count of ffn_down
        // tensors, which is the layer unless some layers (a hybrid's state-space ones) have no FFN.
        int layer = experts > 1 ? at : ffnDown.index(t, at);
        int n = layers;
        return switch (ftype) {
            case Q2_K -> Q3_K;
            case Q2_K_S -> layer < n / 8 ? Q4_K : type;
            case IQ3_XXS -> !imatrix ? (layer < n / 8 ? Q4_K : Q3_K) : type;
            case Q3_K_M -> layer < n / 16 ? Q5_K : !falcon || useMoreBits(layer, n) ? Q4_K : Q3_K;
            case IQ3_M -> layer < n / 8 || (experts == 8 && useMoreBits(layer, n)) ? Q4_K : type;
            case Q3_K_L -> falcon ? Q4_K : Q5_K;
            case Q4_K_M -> falcon
                    ? (layer < n / 16 ? Q6_K : useMoreBits(layer, n) ? Q5_K : Q4_K)
                    : (useMoreBits(layer, n) ? Q6_K : type);
            case IQ4_NL, IQ4_XS -> layer < n / 8 && !imatrix ? Q5_K : type;
            case Q5_K_M -> useMoreBits(layer, n) ? Q6_K : type;
            case Q4_K_S -> !falcon && layer < n / 8 ? Q5_K : type;
            // "Guard against craziness in the first few ffn_down layers", only with an imatrix.
            case Q4_0 -> imatrix && layer < n / 8 ? Q4_1 : type;
            case Q5_0 -> imatrix && layer < n / 8 ? Q5_1 : type;
            default -> type;
        };
    }

    private GgmlType attnOutput(GgmlType type) {
        if (falcon) {
            return ftype == GgufFileType.Q3_K_L ? Q4_K : type;
        }
        if (experts == 8) {
            return switch (ftype) {
                case Q2_K, IQ3_XS, IQ3_XXS, Q3_K_S, Q3_K_M, IQ4_NL, Q4_K_S, Q4_K_M, IQ3_S, IQ3_M, IQ4_XS -> Q5_K;
                default -> type;
            };
        }
        return switch (ftype) {
            case Q2_K -> Q3_K;
            case IQ3_XXS -> IQ3_S;
            case Q3_K_M, IQ3_M -> Q4_K;
            case Q3_K_L -> Q5_K;
            default -> type;
        };
    }

    /** llama.cpp's {@code use_more_bits}: the first and last eighth of the layers, and every third in between. */
    static boolean useMoreBits(int i, int n) {
        return i < n / 8 || i >= 7 * n / 8 || (i - n / 8) % 3 == 2;
    }

    GgufFileType ftype() {
        return ftype;
    }

    int experts() {
        return experts;
    }

    int gqa() {
        return gqa;
    }

    int layers() {
        return layers;
    }

    FfnDownCounter ffnDownCounter() {
        return ffnDown;
    }
}
