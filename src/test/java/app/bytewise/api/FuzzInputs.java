package app.bytewise.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generator of hostile API inputs: a valid body with one field swapped for a value of the
 * wrong type or size, fields dropped, unknown fields, NaN and Infinity literals, deep nesting, long
 * strings, truncated JSON, random bytes and wrong content types. The same seed gives the same inputs.
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

    Input next() {
        return switch (random.nextInt(4)) {
            case 0 -> body("POST", "/api/v1/estimate", estimateBase(), ESTIMATE_FIELDS);
            case 1 -> body("POST", "/api/v1/quantize", quantizeBase(), QUANTIZE_FIELDS);
            case 2 -> question();
            default -> answer();
        };
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

    private String pick(String[] options) {
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
