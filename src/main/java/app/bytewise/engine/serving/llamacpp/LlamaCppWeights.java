package app.bytewise.engine.serving.llamacpp;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.checkpoint.GgufTensor;
import app.bytewise.engine.format.GgmlType;
import app.bytewise.engine.format.GgufFormat;
import app.bytewise.engine.format.GroupStorage;
import app.bytewise.engine.format.WeightFormat;
import app.bytewise.engine.format.WeightLayout;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.model.TensorGroup;
import app.bytewise.engine.model.TensorRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's weight tensors as llama.cpp places them: which of its layers each belongs to
 * ({@code llm_tensor_info}'s input, repeating or output layer, src/llama-arch.cpp) and what each
 * takes in a GPU buffer. Built from a GGUF header's tensor infos (exact) or from the engine's
 * {@link WeightLayout} of a GGUF format (the checkpoint's tensors with the GGUF types; a GGUF fuses
 * each layer's experts into one tensor, which is how the GPU bytes are counted here).
 *
 * @param tiedOutput the model has no {@code output.weight}: llama.cpp loads {@code token_embd} a
 *     second time, as the output layer ({@code TENSOR_DUPLICATED}, src/llama-model-loader.cpp)
 */
public record LlamaCppWeights(List<Weight> tensors, boolean tiedOutput, long tokenEmbeddingBytes,
        long tokenEmbeddingGpuBytes, List<String> notes) {

    /** Where {@code llm_tensor_info} puts a tensor. */
    public enum Place { INPUT, LAYER, OUTPUT, EVERY_LAYER_DEVICE }

    /**
     * One tensor (or a layer's experts of one kind, fused as a GGUF stores them).
     *
     * @param gpuBytes its size in a CUDA or ROCm buffer: {@code ggml_nbytes} plus, for a quantized
     *     type whose rows are not a multiple of 512 values, one padding row of
     *     {@code MATRIX_ROW_PADDING − ne0 % 512} values
     *     ({@code ggml_backend_cuda_buffer_type_get_alloc_size}), then padded to the buffer's
     *     128-byte alignment ({@code ggml_backend_alloc_ctx_tensors_from_buft}, ggml-alloc.c)
     */
    public record Weight(String name, Place place, int layer, boolean routedExpert, long bytes, long gpuBytes) {
    }

    static final long GPU_ALIGNMENT = 128;
    static final long MATRIX_ROW_PADDING = 512;
    private static final Pattern BLOCK = Pattern.compile("blk\\.(\\d{1,6})\\.(.+)");
    /** {@code LLM_FFN_EXPS_REGEX} of common/common.h. */
    private static final Pattern EXPERTS = Pattern.compile("\\.ffn_(up|down|gate|gate_up)_(ch|)exps");

    public LlamaCppWeights {
        tensors = List.copyOf(tensors);
        notes = List.copyOf(notes);
    }

    /** The tensor infos of a GGUF header, as llama.cpp would load that file. */
    public static LlamaCppWeights ofGguf(List<GgufTensor> infos) {
        List<Weight> out = new ArrayList<>();
        boolean hasOutput = false;
        long embedding = 0;
        long embeddingGpu = 0;
        for (GgufTensor t : infos) {
            long gpu = gpuBytes(t.bytes(), t.type().blockSize(), t.type().typeSize(), t.shape().getFirst());
            Matcher m = BLOCK.matcher(t.name());
            if (m.matches()) {
                boolean expert = EXPERTS.matcher("." + m.group(2)).lookingAt();
                out.add(new Weight(t.name(), Place.LAYER, Integer.parseInt(m.group(1)), expert, t.bytes(), gpu));
                continue;
            }
            String base = t.name().replaceFirst("\\.(weight|bias)$", "");
            Place place = switch (base) {
                case "token_embd", "position_embd", "token_types" -> Place.INPUT;
                case "output", "output_norm" -> Place.OUTPUT;
                case "rope_freqs", "rope_factors_long", "rope_factors_short" -> Place.EVERY_LAYER_DEVICE;
                default -> throw new InvalidInputException("engine.name", "Bytewise does not know where llama.cpp places "
                        + "the tensor '" + t.name() + "', so it gives no placement for this file.");
            };
            hasOutput |= base.equals("output") && t.name().endsWith(".weight");
            if (t.name().equals("token_embd.weight")) {
                embedding = t.bytes();
                embeddingGpu = gpu;
            }
            out.add(new Weight(t.name(), place, -1, false, t.bytes(), gpu));
        }
        return new LlamaCppWeights(out, !hasOutput, embedding, embeddingGpu, List.of());
    }

    /**
     * The weights of a catalog model or config.json under a GGUF format ({@code gguf:Q4_K_M} …).
     * Vision towers are left out: llama.cpp loads them from a separate mmproj file.
     */
    public static LlamaCppWeights ofLayout(WeightLayout layout) {
        List<Weight> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean hasOutput = false;
        boolean vision = false;
        long embedding = 0;
        long embeddingGpu = 0;
        for (GroupStorage g : layout.groups()) {
            Tensor t = g.group().first();
            TensorRole role = t.role();
            if (role == TensorRole.VISION) {
                vision = true;
                continue;
            }
            hasOutput |= role == TensorRole.OUTPUT;
            boolean expert = t.expert() >= 0 || t.stackedExperts() > 0;
            TensorGroup group = g.group();
            if (t.layer() >= 0) {
                // One GGUF tensor per layer: a layer's per-expert checkpoint tensors are one ffn_*_exps.
                long perLayer = Math.multiplyExact(g.bytesEach(), t.expert() >= 0 ? group.experts() : 1L);
                long copies = t.expert() >= 0 ? 1 : group.experts();
                long gpu = Math.multiplyExact(copies, gpuBytes(perLayer / copies, g.type(), t.rowLength()));
                for (int layer = t.layer(); layer < t.layer() + group.layers(); layer++) {
                    out.add(new Weight(group.pattern(), Place.LAYER, layer, expert, perLayer, gpu));
                }
                continue;
            }
            Place place = switch (role) {
                case TOKEN_EMBEDDING, POSITION_EMBEDDING -> Place.INPUT;
                case OUTPUT -> Place.OUTPUT;
                case NORM, BIAS -> t.name().contains("emb") ? Place.LAYER : Place.OUTPUT;
                default -> throw new InvalidInputException("engine.name", "Bytewise does not know where llama.cpp places "
                        + "the tensor '" + t.name() + "', so it gives no placement for this model.");
            };
            long gpu = Math.multiplyExact(group.copies(), gpuBytes(g.bytesEach(), g.type(), t.rowLength()));
            if (role == TensorRole.TOKEN_EMBEDDING) {
                embedding = g.bytes();
                embeddingGpu = gpu;
            }
            out.add(new Weight(group.pattern(), place, place == Place.LAYER ? 0 : -1, false, g.bytes(), gpu));
        }
        if (vision) {
            notes.add("The vision tower is left out: llama.cpp loads it from a separate mmproj GGUF.");
        }
        // Without an output matrix llama.cpp reuses token_embd, tied in the config or not.
        return new LlamaCppWeights(out, !hasOutput, embedding, embeddingGpu, notes);
    }

    /**
     * The weights llama.cpp would load for {@code model} stored as {@code format}: a GGUF type or mix as
     * is, 16-bit weights as the f16 GGUF convert_hf_to_gguf.py writes (norms and 1-D tensors in F32);
     * formats llama.cpp cannot load (GPTQ, NF4, FP8 safetensors …) are refused.
     */
    public static LlamaCppWeights of(Model model, WeightFormat format) {
        model.requireArchitecture("A llama.cpp placement");
        WeightLayout layout = switch (format.id()) {
            case "fp16", "bf16" -> GgufFormat.parse("F16").layout(model);
            default -> format.layout(model);
        };
        for (GroupStorage g : layout.groups()) {
            if (g.group().role() != TensorRole.VISION && !isGgml(g.type())) {
                throw new InvalidInputException("weights", "llama.cpp loads GGUF files: weights '" + format.id()
                        + "' are stored as " + g.type() + ", which it cannot load. Choose a gguf: format or fp16/bf16.");
            }
        }
        return ofLayout(layout);
    }

    private static boolean isGgml(String type) {
        try {
            GgmlType.valueOf(type.toUpperCase(Locale.ROOT));
            return true;
        } catch (IllegalArgumentException notGgml) {
            return false;
        }
    }

    /** Bytes a tensor takes in a CUDA/ROCm buffer (see {@link Weight#gpuBytes}). */
    static long gpuBytes(long bytes, String type, long rowLength) {
        try {
            GgmlType t = GgmlType.valueOf(type.toUpperCase(Locale.ROOT));
            return gpuBytes(bytes, t.blockSize(), t.bytesPerBlock(), rowLength);
        } catch (IllegalArgumentException notGgml) {
            throw new InvalidInputException("weights", "llama.cpp loads GGUF types only, not '" + type + "'.");
        }
    }

    /** {@code ggml_is_quantized} holds for the block types, those of more than one value per block. */
    static long gpuBytes(long bytes, int blockSize, int bytesPerBlock, long rowLength) {
        long size = bytes;
        if (blockSize > 1 && rowLength % MATRIX_ROW_PADDING != 0) {
            long missing = MATRIX_ROW_PADDING - rowLength % MATRIX_ROW_PADDING;
            size = Math.addExact(size, missing / blockSize * bytesPerBlock);
        }
        return Math.ceilDiv(size, GPU_ALIGNMENT) * GPU_ALIGNMENT;
    }

    public long totalBytes() {
        return tensors.stream().mapToLong(Weight::bytes).reduce(0, Math::addExact);
    }
}
