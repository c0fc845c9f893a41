package app.bytewise.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generator of hostile API inputs: a valid body with one field swapped for a value of the
 * wrong type or size, fields dropped, unknown fields, NaN and Infinity literals, deep nesting, long
 * strings, truncated JSON, random bytes and wrong content types; and inputs meant to be costly
 * rather than malformed (see {@link #costly()}). The same seed gives the same inputs.
 */
final class FuzzInputs {

    /** One request: method, path (already URL-safe), content type (null for none), body bytes. */
    record Input(String method, String path, String contentType, byte[] body, String description) {
    }

    private static final String[] ESTIMATE_FIELDS = {"model", "mode", "weights", "kvCache", "contextLength",
        "batchSize", "gpu", "gpuCount", "optimizer", "microBatchSize", "tensorParallel", "pipelineParallel"};
    private static final String[] QUANTIZE_FIELDS = {"format", "method", "granularity", "groupSize", "symmetric",
        "doubleQuant", "values", "rows", "cols", "tensor", "inputs", "threshold", "alpha", "actOrder", "dampPercent",
        "kvRole", "residual", "bins", "return"};
    private static final String[] FORMATS = {"int8", "int4", "int2", "nf4", "fp4", "fp16", "bf16", "fp8-e4m3",
        "fp8-e5m2", "gguf:Q4_K", "gguf:Q8_0", "gguf:Q2_K", "int9", "", "GGUF:q4_k", "nf4-dq"};
    private static final String[] METHODS = {"rtn", "gptq", "awq", "llm.int8", "smoothquant", "kivi", "magic", ""};
    private static final String[] CONTENT_TYPES = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/*", "nonsense"};

    private final Random random;
    private final List<String> questionIds;

    FuzzInputs(long seed, List<String> questionIds) {
        this.random = new Random(seed);
        this.questionIds = questionIds;
    }

    /** Config fields that size a model, and the family whose config spells them so. */
    private static final String[][] CONFIG_FIELDS = {{"llama", "num_hidden_layers"}, {"llama", "hidden_size"},
        {"llama", "intermediate_size"}, {"llama", "num_attention_heads"}, {"llama", "num_key_value_heads"},
        {"llama", "head_dim"}, {"llama", "vocab_size"}, {"llama", "max_position_embeddings"},
        {"mixtral", "num_local_experts"}, {"mixtral", "num_experts_per_tok"}, {"mistral", "sliding_window"},
        {"gpt2", "n_layer"}, {"gpt2", "n_positions"}, {"gpt2", "n_inner"}, {"opt", "ffn_dim"},
        {"opt", "word_embed_proj_dim"}, {"falcon", "num_kv_heads"}, {"gemma2", "num_hidden_layers"},
        {"phi3", "intermediate_size"}};
    /** Sizes around the bounds, past them, and past every integer type. */
    private static final String[] HUGE = {"2048", "2049", "4096", "262144", "1048576", "4194304", "1000000",
        "10000000", "134217728", "2147483647", "2147483648", "4294967296", "9223372036854775807",
        "9223372036854775808", "18446744073709551616", "-9223372036854775809", "1e10000000", "1e999"};
    private static final String[] REQUEST_FIELDS = {"contextLength", "batchSize", "gpuCount", "overheadBytes", "gpus",
        "tensorParallel", "pipelineParallel", "microBatches", "pageSize", "zeroStage"};
    private static final String[] HUGE_ANSWERS = {"1e10000000 GB", "1e10000000", "-1e999", "1e999 GiB", "0e99999999999",
        "1e-10000000 s", "1e31", "1e30", "1e99999999999999999999 MB", "2e29 TB", "1.5e-31 ms", "1e27k params"};

    Input next() {
        return switch (random.nextInt(5)) {
            case 0 -> body("POST", "/api/v1/estimate", estimateBase(), ESTIMATE_FIELDS);
            case 1 -> body("POST", "/api/v1/quantize", quantizeBase(), QUANTIZE_FIELDS);
            case 2 -> question();
            case 3 -> answer();
            default -> costly();
        };
    }

    /**
     * Well-formed inputs meant to cost: configs with ten million layers or dimensions past every
     * bound, integers past 2^63 in configs and request fields, request fields whose products overflow
     * a long, and typed answers with huge exponents or pages of digits. Each must be answered as fast
     * as any other request, with a 200 or a 400 naming the field.
     */
    private Input costly() {
        return switch (random.nextInt(4)) {
            case 0 -> estimate(Map.of("model", "{\"config\": " + hugeConfig() + "}"));
            case 1 -> estimate(Map.of("model", "{\"config\": " + largestConfig() + "}"));
            case 2 -> {
                Map<String, String> fields = new java.util.LinkedHashMap<>();
                fields.put("model", random.nextInt(3) == 0 ? "{\"parameterCount\": " + pick(new String[] {
                    "580000000000000000", "1000000000000000", "1000000000000001", "9223372036854775807",
                    "18446744073709551616", "9".repeat(60)}) + "}" : "{\"preset\": \"" + pick(new String[] {
                        "llama-2-7b", "llama-3-1-405b", "mixtral-8x22b-v0-1", "gemma-2-27b"}) + "\"}");
                for (int i = random.nextInt(3); i >= 0; i--) {
                    fields.put(pick(REQUEST_FIELDS), pick(HUGE));
                }
                yield estimate(fields);
            }
            default -> hugeAnswer();
        };
    }

    /** A real-looking config with one sizing field set past its bound, or past 2^63. */
    private String hugeConfig() {
        String[] field = pick(CONFIG_FIELDS);
        Map<String, String> config = new java.util.LinkedHashMap<>();
        config.put("model_type", "\"" + field[0] + "\"");
        boolean gpt2 = field[0].equals("gpt2");
        config.put(gpt2 ? "n_embd" : "hidden_size", "4096");
        config.put(gpt2 ? "n_layer" : "num_hidden_layers", "32");
        config.put(gpt2 ? "n_head" : "num_attention_heads", "32");
        config.put(field[0].equals("opt") ? "ffn_dim" : "intermediate_size", "11008");
        config.put("vocab_size", "32000");
        config.put(gpt2 ? "n_positions" : "max_position_embeddings", "4096");
        config.put(field[1], random.nextInt(4) == 0 ? "9".repeat(1 + random.nextInt(60)) : pick(HUGE));
        return object(config);
    }

    /** Every dimension at or near its bound together: valid or just over the parameter bound, never slow. */
    private String largestConfig() {
        return random.nextBoolean()
                ? "{\"model_type\": \"mixtral\", \"hidden_size\": " + pick(new String[] {"64", "1024", "16384"})
                        + ", \"num_hidden_layers\": 2048, \"num_attention_heads\": 4, \"intermediate_size\": 64, "
                        + "\"vocab_size\": 4194304, \"num_local_experts\": 4096, \"num_experts_per_tok\": 4096, "
                        + "\"max_position_embeddings\": 134217728}"
                : "{\"model_type\": \"" + pick(new String[] {"llama", "gemma2", "phi3"}) + "\", \"hidden_size\": "
                        + pick(new String[] {"16384", "262144"}) + ", \"num_hidden_layers\": 2048, "
                        + "\"num_attention_heads\": 4096, \"num_key_value_heads\": 8, \"intermediate_size\": "
                        + pick(new String[] {"53248", "1048576"}) + ", \"vocab_size\": 4194304, \"head_dim\": 4096, "
                        + "\"max_position_embeddings\": 134217728}";
    }

    /** An estimate of {@code fields} with a random mode, format, GPU and attention, all valid. */
    private Input estimate(Map<String, String> fields) {
        Map<String, String> body = new java.util.LinkedHashMap<>(fields);
        body.putIfAbsent("mode", random.nextInt(3) == 0 ? "\"training\"" : "\"inference\"");
        if (body.get("mode").contains("inference")) {
            body.putIfAbsent("weights", "\"" + pick(new String[] {"bf16", "gguf:Q4_K_M", "nf4", "gptq-4bit-g128"}) + "\"");
        }
        if (random.nextBoolean()) {
            body.putIfAbsent("gpu", "\"a100-80gb-sxm\"");
        }
        body.putIfAbsent("flashAttention", random.nextBoolean() ? "true" : "false");
        String json = object(body);
        return new Input("POST", "/api/v1/estimate", "application/json", json.getBytes(StandardCharsets.UTF_8),
                "costly: " + abbreviate(json));
    }

    /** A typed answer with a huge exponent or a long run of digits, to a real question. */
    private Input hugeAnswer() {
        int digits = 1 + random.nextInt(random.nextBoolean() ? 100 : 200_000);
        String typed = switch (random.nextInt(5)) {
            case 0 -> pick(HUGE_ANSWERS);
            case 1 -> "1e" + (random.nextBoolean() ? "-" : "") + "9".repeat(1 + random.nextInt(12)) + " GB";
            case 2 -> "9".repeat(digits) + pick(new String[] {"", " GB", " GiB", " params", "%"});
            case 3 -> "0." + "0".repeat(digits) + "1 MB";
            default -> "1." + "0".repeat(digits) + "e" + random.nextInt(40);
        };
        String json = "{\"answer\": \"" + typed + "\", \"attempt\": 1}";
        return new Input("POST", "/api/v1/questions/" + pick(questionIds.toArray(String[]::new)) + "/answer",
                "application/json", json.getBytes(StandardCharsets.UTF_8), "costly answer: " + abbreviate(json));
    }

    private Input body(String method, String path, Map<String, String> base, String[] fields) {
        int kind = random.nextInt(12);
        String contentType = "application/json";
        String json;
        switch (kind) {
            case 0 -> json = object(base); // valid (or nearly)
            case 1, 2, 3 -> {
                var mutated = new java.util.LinkedHashMap<>(base);
                mutated.put(pick(fields), value(0));
                json = object(mutated);
            }
            case 4 -> {
                var mutated = new java.util.LinkedHashMap<>(base);
                mutated.remove(pick(mutated.keySet().toArray(String[]::new)));
                mutated.remove(pick(fields));
                json = object(mutated);
            }
            case 5 -> {
                var mutated = new java.util.LinkedHashMap<>(base);
                mutated.put("x" + random.nextInt(1000), value(0));
                json = object(mutated);
            }
            case 6 -> json = nested(1 + random.nextInt(random.nextBoolean() ? 40 : 4000));
            case 7 -> {
                String whole = object(base);
                json = whole.substring(0, random.nextInt(whole.length()));
            }
            case 8 -> {
                byte[] bytes = new byte[random.nextInt(2048)];
                random.nextBytes(bytes);
                return new Input(method, path, contentType, bytes, "random bytes");
            }
            case 9 -> {
                contentType = random.nextInt(5) == 0 ? null : pick(CONTENT_TYPES);
                json = object(base);
            }
            case 10 -> json = value(0); // any JSON value as the whole body
            default -> json = "\"" + "a".repeat(random.nextInt(200_000)) + "\"";
        }
        return new Input(method, path, contentType, json.getBytes(StandardCharsets.UTF_8),
                "kind " + kind + ": " + abbreviate(json));
    }

    private Input question() {
        StringBuilder query = new StringBuilder("/api/v1/questions?");
        String[][] parameters = {{"topic", pick(new String[] {"kv-cache", "KV_CACHE", "weight-memory", "nope", "",
            "%00", "a".repeat(3000)})}, {"difficulty", scalar()}, {"seed", scalar()}, {"kind", pick(new String[] {
                "choice", "numeric", "both", ""})}};
        for (String[] p : parameters) {
            if (random.nextInt(3) > 0) {
                query.append(p[0]).append('=').append(encode(p[1])).append('&');
            }
        }
        return new Input("GET", query.toString(), null, new byte[0], "query " + abbreviate(query.toString()));
    }

    private Input answer() {
        String id = switch (random.nextInt(6)) {
            case 0, 1, 2 -> pick(questionIds.toArray(String[]::new));
            case 3 -> encode(randomText(1 + random.nextInt(40)));
            case 4 -> "a".repeat(1 + random.nextInt(4000));
            default -> encode(pick(questionIds.toArray(String[]::new)) + pick(new String[] {"x", ".9", "..", "%", " "}));
        };
        Map<String, String> base = new java.util.LinkedHashMap<>();
        base.put("answer", random.nextBoolean() ? "\"" + pick(new String[] {"a", "b", "c", "d", "12 GiB", "1e3 MB",
            "NaN GiB", "-5 KiB", "∞"}) + "\"" : value(0));
        base.put("attempt", random.nextBoolean() ? "1" : scalar());
        Input in = body("POST", "/api/v1/questions/" + id + "/answer", base, new String[] {"answer", "attempt"});
        return in;
    }

    private Map<String, String> estimateBase() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("model", random.nextBoolean() ? "{\"preset\": \"llama-2-7b\"}"
                : "{\"layers\": 32, \"hiddenSize\": 4096, \"heads\": 32, \"kvHeads\": 8, \"vocabSize\": 32000}");
        m.put("mode", random.nextInt(3) == 0 ? "\"training\"" : "\"inference\"");
        m.put("weights", "\"" + pick(new String[] {"fp16", "int4", "gguf:Q4_K_M", "nf4"}) + "\"");
        m.put("contextLength", Integer.toString(1 << random.nextInt(18)));
        m.put("batchSize", Integer.toString(1 + random.nextInt(64)));
        return m;
    }

    private Map<String, String> quantizeBase() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("format", "\"" + pick(FORMATS) + "\"");
        m.put("method", "\"" + pick(METHODS) + "\"");
        if (random.nextBoolean()) {
            m.put("tensor", "{\"kind\": \"gaussian\", \"rows\": " + (1 + random.nextInt(16)) + ", \"cols\": "
                    + (1 + random.nextInt(8)) * 32 + ", \"seed\": " + random.nextInt(100) + "}");
        } else {
            int n = 1 + random.nextInt(64);
            StringBuilder values = new StringBuilder("[");
            for (int i = 0; i < n; i++) {
                values.append(i == 0 ? "" : ",").append(random.nextGaussian());
            }
            m.put("values", values.append(']').toString());
            m.put("rows", "1");
            m.put("cols", Integer.toString(n));
        }
        return m;
    }

    /** A JSON value of any type; bounded depth keeps bodies small apart from the deliberate cases. */
    private String value(int depth) {
        int choice = random.nextInt(depth > 2 ? 9 : 12);
        return switch (choice) {
            case 0 -> scalar();
            case 1 -> "\"" + randomText(random.nextInt(30)).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case 2 -> "null";
            case 3 -> random.nextBoolean() ? "true" : "false";
            case 4 -> pick(new String[] {"NaN", "Infinity", "-Infinity", "1e999", "-1e999", "0x10", "01", "+1", ".5"});
            case 5 -> "\"" + "9".repeat(1 + random.nextInt(500)) + "\"";
            case 6 -> "9".repeat(1 + random.nextInt(500));
            case 7 -> "\"" + pick(FORMATS) + "\"";
            case 8 -> Long.toString(random.nextLong());
            case 9 -> "[" + value(depth + 1) + "," + value(depth + 1) + "]";
            case 10 -> "{\"preset\": " + value(depth + 1) + ", \"rows\": " + scalar() + ", \"cols\": " + scalar() + "}";
            default -> "[" + "0,".repeat(random.nextInt(5000)) + "0]";
        };
    }

    private String scalar() {
        return pick(new String[] {"0", "-1", "1", "2", "3", "7", "64", "4097", "-4096", "2147483647", "-2147483648",
            "2147483648", "9223372036854775807", "9223372036854775808", "1e308", "-1e-308", "4.9e-324", "3.5", "-0.0",
            "1e10", "\"1\"", "\"\"", "1.0e2"});
    }

    private String nested(int depth) {
        String open = random.nextBoolean() ? "[" : "{\"model\":";
        String close = open.equals("[") ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int bucket = random.nextInt(4);
            text.appendCodePoint(switch (bucket) {
                case 0 -> 32 + random.nextInt(95);
                case 1 -> random.nextInt(32);
                case 2 -> 0xA0 + random.nextInt(0x2000);
                default -> 0x1F300 + random.nextInt(200);
            });
        }
        return text.toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String object(Map<String, String> fields) {
        List<String> parts = new ArrayList<>();
        fields.forEach((k, v) -> parts.add("\"" + k + "\": " + v));
        return "{" + String.join(", ", parts) + "}";
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "… (" + text.length() + " chars)";
    }
}
