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
 * ({@link LlamaQuantRules}); a few rules read whether an importance matrix was given, which the mixes
 * that require one always have and the others have when named {@code gguf:<MIX>+imatrix}
 * ({@code gguf:IQ4_XS+imatrix}: it changes Q4_0, Q5_0, IQ4_NL and IQ4_XS files); a bare type that is not a file type ({@code gguf:Q4_K}, {@code gguf:Q5_K},
 * {@code gguf:Q3_K}) stores every quantizable tensor in that type, as {@code --pure} does.
 * Tensors that are never quantized keep the type {@code convert_hf_to_gguf.py} gave them: F32 for
 * 1-D tensors, norms, the MoE router and position embeddings. Sizes count tensor data only; the
 * file adds metadata (vocabulary, hyper-parameters) and alignment padding.
 */
public record GgufFormat(String name, Optional<GgufFileType> mix, GgmlType pureType, boolean imatrix)
        implements WeightFormat {

    private static final String IMATRIX = "+IMATRIX";

    public static GgufFormat parse(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        boolean withImatrix = upper.endsWith(IMATRIX);
        String base = withImatrix ? upper.substring(0, upper.length() - IMATRIX.length()) : upper;
        Optional<GgufFileType> mix = GgufFileType.of(base);
        if (mix.isPresent()) {
            GgufFileType m = mix.get();
            boolean imatrix = withImatrix || m.requiresImatrix();
            // A mix that cannot be made without an imatrix is named without the suffix: there is no other kind.
            String id = m.name() + (imatrix && !m.requiresImatrix() ? "+imatrix" : "");
            return new GgufFormat(id, mix, m.defaultType(), imatrix);
        }
        for (GgmlType type : List.of(Q2_K, Q3_K, Q4_K, Q5_K)) {
            if (type.name().equals(base)) {
                if (withImatrix) {
                    throw new InvalidInputException("weights", "gguf:" + type + " stores every tensor in " + type
                            + " (--pure); an importance matrix changes no type there. Use gguf:" + type + ".");
                }
                return new GgufFormat(type.name(), Optional.empty(), type, false);
            }
        }
        throw new InvalidInputException("weights", "Unknown GGUF type '" + name + "'. Known mixes: "
                + String.join(", ", java.util.Arrays.stream(GgufFileType.values()).map(Enum::name).toList())
                + " (each also as <MIX>+imatrix, made with an importance matrix); pure types: Q5_K, Q4_K, Q3_K, Q2_K.");
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
                        + "(output head, some attn_v/ffn_down layers); norms and 1-D tensors in F32"
                        + (imatrix ? "; made with an importance matrix (llama-imatrix)." : ".")
                : "Every quantizable tensor in " + pureType + "; norms and 1-D tensors in F32.";
    }

    @Override
    public WeightLayout layout(Model model) {
        Architecture arch = model.requireArchitecture("A GGUF size");
        LlamaQuantRules rules = mix.isEmpty() ? null : new LlamaQuantRules(mix.get(), imatrix, arch, model.tensorGroups());
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
                } else if (rules == null || !rules.dependsOnLayer(t)) {
                    parts.add(storage(g, typeOf(rules, t, t.layer()).fallbackFor(t.rowLength())));
                } else {
                    storeByLayer(g, rules, parts);
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
    private static void storeByLayer(TensorGroup g, LlamaQuantRules rules, List<GroupStorage> stored) {
        Tensor t = g.first();
        int from = t.layer();
        int end = from + g.layers();
        int runStart = from;
        GgmlType runType = null;
        for (int layer = from; layer < end; layer++) {
            GgmlType type = rules.typeOf(t, layer).fallbackFor(t.rowLength());
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

    private GgmlType typeOf(LlamaQuantRules rules, Tensor t, int layer) {
        return rules == null ? pureType : rules.typeOf(t, layer);
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
}
