package app.bytewise.engine.checkpoint.gguf;

import app.bytewise.engine.checkpoint.GgufTensorType;
import app.bytewise.engine.checkpoint.GgufValue;
import app.bytewise.engine.checkpoint.GgufValueType;
import app.bytewise.engine.checkpoint.GgufWriter;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.LayerBlock;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.model.TensorGroup;
import app.bytewise.engine.model.TensorRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every architecture's GGUF shares: {@code general.architecture}, the {@code <arch>.*} keys
 * {@code llama_model_base::load_hparams} reads for all (src/llama-model.cpp, llama.cpp v0.5.0), no
 * tokenizer ({@code tokenizer.ggml.model = "none"} and {@code <arch>.vocab_size}: llama-vocab.cpp
 * then adds that many dummy tokens), and tensor infos named as {@code LLM_TENSOR_NAMES}
 * (src/llama-arch.cpp) with ggml's ne order, the input width first.
 *
 * <p>Types as convert_hf_to_gguf.py writes an f16 model ({@code ModelBase.prepare_tensors},
 * conversion/base.py): F32 for 1-D tensors, names ending {@code _norm.weight}, names not ending
 * {@code .weight} (biases, {@code ssm_a}, {@code ssm_d}), routers ({@code ffn_gate_inp}, and the
 * shared expert's {@code ffn_gate_inp_shexp}), learned positions ({@code position_embd}), token
 * types and convolutions ({@code ssm_conv1d}); F16 for every other matrix.
 */
final class GgufLayout {

    /** Values that shape no memory, so any valid one does: the RMSNorm epsilon llama.cpp requires. */
    private static final float RMS_EPS = 1e-6f;
    /** convert_hf_to_gguf.py's context for Mamba models, whose configs state none (conversion/mamba.py). */
    static final long MAMBA_CONTEXT = 1L << 20;

    private final GgufWriter writer = new GgufWriter();
    private final String arch;
    private final Model model;
    private final Architecture a;

    GgufLayout(String arch, Model model) {
        this.arch = arch;
        this.model = model;
        this.a = model.architecture().orElseThrow();
        writer.string("general.architecture", arch);
    }

    Architecture architecture() {
        return a;
    }

    GgufWriter writer() {
        return writer;
    }

    GgufLayout u32(String key, long value) {
        writer.u32(arch + "." + key, value);
        return this;
    }

    GgufLayout bool(String key, boolean value) {
        writer.bool(arch + "." + key, value);
        return this;
    }

    /** The LayerNorm epsilon that Falcon, GPT-2 and GPT-NeoX require instead of (beside) the RMS one. */
    GgufLayout layerNormEps() {
        writer.f32(arch + ".attention.layer_norm_epsilon", 1e-5f);
        return this;
    }

    GgufLayout ints(String key, List<Integer> values) {
        writer.ints(arch + "." + key, values);
        return this;
    }

    GgufLayout bools(String key, List<Boolean> values) {
        writer.put(arch + "." + key, new GgufValue.Array(GgufValueType.BOOL, values.size(),
                values.stream().<GgufValue>map(GgufValue.Bool::new).toList()));
        return this;
    }

    /**
     * The keys of every transformer: context, width, layers, heads and head sizes, the norm epsilon,
     * and the vocabulary; {@code ffn} 0 leaves {@code feed_forward_length} out.
     */
    GgufLayout common(long ffn, int heads, int kvHeads, int keyLength, int valueLength) {
        return common(ffn, heads, List.of(kvHeads), keyLength, valueLength);
    }

    /** With a KV head count per layer (0 for a layer without attention), where it is not one for all. */
    GgufLayout common(long ffn, int heads, List<Integer> kvHeads, int keyLength, int valueLength) {
        u32("context_length", a.maxPositions() > 0 ? a.maxPositions() : MAMBA_CONTEXT);
        u32("embedding_length", a.hiddenSize());
        u32("block_count", a.layers());
        if (ffn > 0) {
            u32("feed_forward_length", ffn);
        }
        if (heads > 0) {
            u32("attention.head_count", heads);
            if (kvHeads.size() == 1) {
                u32("attention.head_count_kv", kvHeads.getFirst());
            } else {
                ints("attention.head_count_kv", kvHeads);
            }
            u32("attention.key_length", keyLength);
            u32("attention.value_length", valueLength);
        }
        writer.f32(arch + ".attention.layer_norm_rms_epsilon", RMS_EPS);
        return vocabulary();
    }

    GgufLayout vocabulary() {
        u32("vocab_size", a.vocabSize());
        writer.string("tokenizer.ggml.model", "none");
        return this;
    }

    /** {@code token_embd}, {@code output_norm}, and {@code output} unless tied (llama.cpp then reuses the embedding). */
    GgufLayout embeddings() {
        long h = a.hiddenSize();
        tensor("token_embd.weight", h, a.vocabSize());
        tensor("output_norm.weight", h);
        if (!a.tiedEmbeddings()) {
            tensor("output.weight", h, a.vocabSize());
        }
        return this;
    }

    /** A tensor of shape {@code ne} (ggml order), typed as convert_hf_to_gguf.py types it in an f16 model. */
    GgufLayout tensor(String name, long... ne) {
        boolean f32 = ne.length == 1 || name.endsWith("_norm.weight") || !name.endsWith(".weight")
                || name.contains(".ffn_gate_inp") || name.contains(".ssm_conv1d") || name.startsWith("position_embd.")
                || name.startsWith("token_types.");
        writer.tensor(name, f32 ? GgufTensorType.F32 : GgufTensorType.F16, ne);
        return this;
    }

    /** {@code blk.i.<name>}. */
    GgufLayout layer(int i, String name, long... ne) {
        return tensor("blk." + i + "." + name, ne);
    }

    /** q, k, v and output projections of a softmax attention, with q/k/v biases when {@code qkvBias}. */
    GgufLayout attention(int i, long q, long kv, boolean qkvBias, boolean outputBias) {
        long h = a.hiddenSize();
        layer(i, "attn_q.weight", h, q).layer(i, "attn_k.weight", h, kv).layer(i, "attn_v.weight", h, kv);
        if (qkvBias) {
            layer(i, "attn_q.bias", q).layer(i, "attn_k.bias", kv).layer(i, "attn_v.bias", kv);
        }
        layer(i, "attn_output.weight", q, h);
        if (outputBias) {
            layer(i, "attn_output.bias", h);
        }
        return this;
    }

    GgufLayout denseFfn(int i, long ff) {
        long h = a.hiddenSize();
        return layer(i, "ffn_gate.weight", h, ff).layer(i, "ffn_up.weight", h, ff).layer(i, "ffn_down.weight", ff, h);
    }

    /** The router and the routed experts stacked along ne2, as convert_hf_to_gguf.py merges them. */
    GgufLayout experts(int i, int experts, long ff) {
        long h = a.hiddenSize();
        return layer(i, "ffn_gate_inp.weight", h, experts).layer(i, "ffn_gate_exps.weight", h, ff, experts)
                .layer(i, "ffn_up_exps.weight", h, ff, experts).layer(i, "ffn_down_exps.weight", ff, h, experts);
    }

    GgufLayout sharedExpert(int i, long ff) {
        long h = a.hiddenSize();
        return layer(i, "ffn_gate_shexp.weight", h, ff).layer(i, "ffn_up_shexp.weight", h, ff)
                .layer(i, "ffn_down_shexp.weight", ff, h);
    }

    /**
     * {@code attention.sliding_window_pattern} only where the model's sliding layers are not the ones
     * llama.cpp assumes by default: {@code llama_hparams::set_swa_pattern(n)} (src/llama-hparams.cpp)
     * makes layer {@code il} slide when {@code il % n < n - 1}; otherwise the per-layer booleans, which
     * {@code load_swa_pattern} (src/llama-model.cpp) reads first.
     */
    GgufLayout slidingPattern(int defaultPattern, java.util.function.Predicate<LayerBlock> slides) {
        List<Boolean> pattern = layers().stream().map(slides::test).toList();
        boolean usual = true;
        for (int il = 0; il < pattern.size(); il++) {
            usual &= pattern.get(il) == (il % defaultPattern < defaultPattern - 1);
        }
        return usual ? this : bools("attention.sliding_window_pattern", pattern);
    }

    /**
     * The language model's checkpoint tensor whose Hugging Face name ends with {@code suffix}, if it has
     * one; a vision tower's (SigLIP's biased q_proj) does not count.
     */
    Optional<Tensor> checkpointTensor(String suffix) {
        return model.tensorGroups().stream().filter(g -> g.role() != TensorRole.VISION && g.pattern().endsWith(suffix))
                .map(TensorGroup::first).findFirst();
    }

    boolean has(String suffix) {
        return checkpointTensor(suffix).isPresent();
    }

    /** Every layer in order with its block: GGUF names each layer's tensors, so this loops over the layers. */
    List<LayerBlock> layers() {
        List<LayerBlock> layers = new ArrayList<>();
        for (LayerBlock b : a.blocks()) {
            for (int k = 0; k < b.count(); k++) {
                layers.add(b);
            }
        }
        return layers;
    }
}
