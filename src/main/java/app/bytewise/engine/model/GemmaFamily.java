package app.bytewise.engine.model;

import static app.bytewise.engine.model.ConfigLimit.*;
import static app.bytewise.engine.model.TensorRole.*;

import java.util.List;

/**
 * Gemma and Gemma 2 ({@code modeling_gemma.py}, {@code modeling_gemma2.py}): Llama-like blocks
 * with a {@code head_dim} that need not be hidden/heads (256 in Gemma-7B) and embeddings tied to
 * the output unless the config says otherwise. Gemma 2 adds a norm before and after the MLP and
 * alternates sliding-window (even layers) and global attention.
 */
public record GemmaFamily(boolean gemma2) implements ModelFamily {

    @Override
    public Architecture architecture(ModelConfig c) {
        long hidden = c.requiredLong(HIDDEN, "hidden_size");
        int heads = c.requiredInt(HEADS, "num_attention_heads");
        int kvHeads = ModelFamily.checkedKvHeads(c, "num_key_value_heads", heads,
                c.optionalInt(HEADS, "num_key_value_heads").orElse(heads));
        // GemmaConfig and Gemma2Config both default head_dim to 256.
        int headDim = c.optionalInt(HEAD_DIM, "head_dim").orElse(256);
        int window = gemma2 ? c.optionalInt(POSITIONS, "sliding_window").orElse(4096) : 0;
        return Architecture.uniform(gemma2 ? "gemma2" : "gemma", hidden, c.requiredInt(LAYERS, "num_hidden_layers"), heads,
                kvHeads, headDim, new Mlp.Dense(c.requiredLong(INTERMEDIATE, "intermediate_size"), true),
                c.requiredLong(VOCABULARY, "vocab_size"), c.bool("tie_word_embeddings", true),
                c.optionalLong(POSITIONS, "max_position_embeddings").orElse(8192L), window, window > 0 ? 2 : 0);
    }

    @Override
    public List<TensorGroup> tensorGroups(ModelConfig c, Architecture a) {
        boolean bias = c.bool("attention_bias", false);
        long h = a.hiddenSize();
        TensorListBuilder tensors = new TensorListBuilder(a.layers());
        TensorListBuilder.Scope once = tensors.once();
        TensorListBuilder.Scope layer = tensors.everyLayer();
        once.matrix("model.embed_tokens.weight", TOKEN_EMBEDDING, a.vocabSize(), h);
        String p = "model.layers." + TensorGroup.LAYER + ".";
        layer.vector(p + "input_layernorm.weight", NORM, h);
        DecoderTensors.attention(layer, p, h, a.attentionHeads(), a.kvHeads(), a.headDim(), bias, bias, false);
        layer.vector(p + "post_attention_layernorm.weight", NORM, h);
        if (gemma2) {
            layer.vector(p + "pre_feedforward_layernorm.weight", NORM, h);
            layer.vector(p + "post_feedforward_layernorm.weight", NORM, h);
        }
        layer.matrix(p + "mlp.gate_proj.weight", FFN_GATE, a.intermediateSize(), h);
        layer.matrix(p + "mlp.up_proj.weight", FFN_UP, a.intermediateSize(), h);
        layer.matrix(p + "mlp.down_proj.weight", FFN_DOWN, h, a.intermediateSize());
        once.vector("model.norm.weight", NORM, h);
        if (!a.tiedEmbeddings()) {
            once.matrix("lm_head.weight", OUTPUT, a.vocabSize(), h);
        }
        return tensors.build();
    }
}
