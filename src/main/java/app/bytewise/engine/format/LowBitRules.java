package app.bytewise.engine.format;

import static app.bytewise.engine.format.GgmlType.*;

import app.bytewise.engine.model.Tensor;

/**
 * The branch of {@code llama_tensor_get_type_impl} (src/llama-quant.cpp, llama.cpp v0.5.0) for the
 * 1- and 2-bit mixes (IQ1_S, IQ1_M, IQ2_XXS, IQ2_XS, IQ2_S, IQ2_M). Unlike the other mixes it has no
 * 70B or 8-expert Q8_0 bump, and its ffn_down rule reads llama-quantize's running count of ffn_down
 * tensors rather than the layer: in a MoE model with shared experts that count runs twice as fast.
 */
final class LowBitRules {

    private LowBitRules() {
    }

    static GgmlType typeOf(LlamaQuantRules rules, Tensor t, int layer, GgmlType type) {
        GgufFileType ftype = rules.ftype();
        boolean s = ftype == GgufFileType.IQ2_S || ftype == GgufFileType.IQ2_M;
        return switch (t.role()) {
            case ATTN_V, ATTN_QKV -> rules.gqa() >= 4 || rules.experts() >= 4 ? Q4_K : s ? IQ3_S : Q2_K;
            case ATTN_K -> rules.experts() == 8 ? Q4_K : type;
            case FFN_DOWN -> rules.ffnDownCounter().index(t, layer) < rules.layers() / 8 ? (s ? IQ3_S : Q2_K) : type;
            case ATTN_OUTPUT -> rules.experts() == 8 ? Q5_K
                    : ftype == GgufFileType.IQ1_S || ftype == GgufFileType.IQ1_M ? IQ2_XXS : s ? IQ3_S : type;
            default -> type;
        };
    }
}
