package app.bytewise.engine.checkpoint;

import app.bytewise.engine.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A GGUF header's metadata as the Hugging Face config it was converted from, so the model is counted
 * by its family like any config. The keys are llama.cpp's ({@code src/llama-arch.cpp}, LLM_KV_*:
 * {@code <arch>.block_count}, {@code .embedding_length}, {@code .attention.head_count_kv}, …), the
 * vocabulary is the token embedding's second dimension ({@code token_embd.weight}, ne = [n_embd, n_vocab]),
 * and the embeddings are tied when the file has no {@code output.weight}.
 */
public final class GgufConfig {

    /** llama.cpp architecture → Hugging Face model_type, for the architectures mapped here. */
    static final Map<String, String> TYPES = Map.ofEntries(Map.entry("llama", "llama"), Map.entry("qwen2", "qwen2"),
            Map.entry("qwen3", "qwen3"), Map.entry("qwen3moe", "qwen3_moe"), Map.entry("gemma", "gemma"),
            Map.entry("gemma2", "gemma2"), Map.entry("gemma3", "gemma3_text"), Map.entry("phi3", "phi3"),
            Map.entry("gpt-oss", "gpt_oss"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GgufConfig() {
    }

    public static ObjectNode of(GgufHeader header, String field) {
        String arch = header.architecture().orElseThrow(() -> new InvalidInputException(field,
                "The GGUF header has no general.architecture."));
        String type = TYPES.get(arch);
        if (type == null) {
            throw new InvalidInputException(field, "The GGUF file's architecture '" + shorten(arch) + "' is not one "
                    + "Bytewise reads from a GGUF header; known: " + String.join(", ", new java.util.TreeSet<>(TYPES.keySet()))
                    + ". Give its config.json instead.");
        }
        ObjectNode c = JSON.createObjectNode();
        c.put("model_type", type);
        put(c, "hidden_size", header, arch, "embedding_length", field, true);
        put(c, "num_hidden_layers", header, arch, "block_count", field, true);
        put(c, "num_attention_heads", header, arch, "attention.head_count", field, true);
        put(c, "num_key_value_heads", header, arch, "attention.head_count_kv", field, false);
        put(c, "head_dim", header, arch, "attention.key_length", field, false);
        put(c, "max_position_embeddings", header, arch, "context_length", field, false);
        put(c, "sliding_window", header, arch, "attention.sliding_window", field, false);
        if (type.endsWith("moe") || type.equals("gpt_oss")) {
            put(c, type.equals("gpt_oss") ? "num_local_experts" : "num_experts", header, arch, "expert_count", field, true);
            put(c, "num_experts_per_tok", header, arch, "expert_used_count", field, true);
            put(c, type.equals("gpt_oss") ? "intermediate_size" : "moe_intermediate_size", header, arch,
                    "expert_feed_forward_length", field, true);
        } else {
            put(c, "intermediate_size", header, arch, "feed_forward_length", field, true);
        }
        GgufTensor embedding = find(header, "token_embd.weight").orElseThrow(() -> new InvalidInputException(field,
                "The GGUF header lists no token_embd.weight, so its vocabulary size is unknown."));
        c.put("vocab_size", embedding.shape().size() > 1 ? embedding.shape().get(1) : 0);
        c.put("tie_word_embeddings", find(header, "output.weight").isEmpty());
        return c;
    }

    private static void put(ObjectNode c, String key, GgufHeader header, String arch, String suffix, String field,
            boolean required) {
        String name = arch + "." + suffix;
        OptionalLong value = header.uint(name);
        if (value.isPresent()) {
            c.put(key, value.getAsLong());
        } else if (header.value(name).isPresent()) {
            throw new InvalidInputException(field, name + " is not a single count (per-layer values are not read "
                    + "from a GGUF header); give the model's config.json.");
        } else if (required) {
            throw new InvalidInputException(field, "The GGUF header has no " + name + ".");
        }
    }

    private static java.util.Optional<GgufTensor> find(GgufHeader header, String name) {
        return header.tensors().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    static List<String> architectures() {
        return List.copyOf(new java.util.TreeSet<>(TYPES.keySet()));
    }
}
