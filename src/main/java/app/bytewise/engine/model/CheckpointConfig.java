package app.bytewise.engine.model;

import app.bytewise.engine.model.CheckpointPrecision.Fp8Block;
import app.bytewise.engine.model.CheckpointPrecision.GroupQuant;
import app.bytewise.engine.model.CheckpointPrecision.Method;
import app.bytewise.engine.model.CheckpointPrecision.Mxfp4;
import app.bytewise.engine.model.CheckpointPrecision.Plain;
import app.bytewise.engine.model.CheckpointPrecision.Unsupported;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code torch_dtype}/{@code dtype} and {@code quantization_config} into a
 * {@link CheckpointPrecision}. Never throws: what cannot be read becomes {@link Unsupported}.
 */
final class CheckpointConfig {

    static final String SUPPORTED = "Supported: no quantization_config (torch_dtype bfloat16, float16 or float32), "
            + "fp8 with weight_block_size (DeepSeek-V3, Kimi K2), mxfp4 (gpt-oss), gptq, awq (GEMM layout), "
            + "bitsandbytes (4-bit nf4/fp4, 8-bit) and compressed-tensors (pack-quantized, float-quantized, "
            + "int-quantized, naive-quantized, nvfp4-pack-quantized).";

    /** A field that is there but wrong: its message, carried to the one place that raises it. */
    static final class Bad extends RuntimeException {
        final String field;

        Bad(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    private CheckpointConfig() {
    }

    static CheckpointPrecision read(ModelConfig c) {
        try {
            Optional<String> dtype = dtype(c);
            JsonNode q = c.json().get("quantization_config");
            if (q == null || q.isNull()) {
                return dtype.<CheckpointPrecision>map(Plain::new).orElseGet(() -> new Unsupported(c.path("torch_dtype"),
                        "The config says neither torch_dtype nor dtype, so the checkpoint's precision is unknown. "
                                + "Choose the weight format explicitly (e.g. bf16 or fp32)."));
            }
            String qPath = c.path("quantization_config");
            if (!q.isObject()) {
                throw new Bad(qPath, "quantization_config must be a JSON object.");
            }
            String method = text(q, "quant_method", qPath).orElseThrow(() -> new Bad(qPath + ".quant_method",
                    "quantization_config has no quant_method. " + SUPPORTED)).toLowerCase(Locale.ROOT);
            List<String> notConverted = strings(q, "modules_to_not_convert", qPath);
            return switch (method) {
                case "fp8" -> fp8(q, qPath, dtype.orElse("BF16"), notConverted);
                // openai/gpt-oss README, "Precision format": "All other tensors will be in BF16."
                case "mxfp4" -> new Mxfp4(dtype.orElse("BF16"), notConverted);
                case "gptq" -> gptq(q, qPath, dtype.orElse("F16"), notConverted);
                case "awq" -> awq(q, qPath, dtype.orElse("F16"), notConverted);
                case "bitsandbytes" -> bitsAndBytes(q, qPath, dtype.orElse("F16"));
                case "compressed-tensors" -> CompressedTensorsConfig.read(q, qPath, dtype.orElse("BF16"));
                default -> new Unsupported(qPath + ".quant_method", "quantization_config.quant_method '"
                        + shorten(method) + "' is not a checkpoint layout Bytewise knows. " + SUPPORTED
                        + " Choose a weight format explicitly instead.");
            };
        } catch (Bad bad) {
            return new Unsupported(bad.field, bad.getMessage());
        }
    }

    /** safetensors' name for the dtype the config declares; multimodal configs may say it in text_config only. */
    private static Optional<String> dtype(ModelConfig c) {
        for (JsonNode holder : List.of(c.json(), c.json().path("text_config"))) {
            for (String field : List.of("torch_dtype", "dtype")) {
                JsonNode node = holder.get(field);
                if (node != null && node.isString()) {
                    String name = node.stringValue().toLowerCase(Locale.ROOT).replace("torch.", "");
                    return Optional.of(switch (name) {
                        case "bfloat16" -> "BF16";
                        case "float16", "half" -> "F16";
                        case "float32", "float" -> "F32";
                        default -> throw new Bad(c.path(field), field + " '" + shorten(name)
                                + "' is not a checkpoint dtype Bytewise knows: bfloat16, float16 or float32.");
                    });
                }
            }
        }
        return Optional.empty();
    }

    private static CheckpointPrecision fp8(JsonNode q, String path, String base, List<String> notConverted) {
        String fmt = text(q, "fmt", path).orElse("e4m3").toLowerCase(Locale.ROOT);
        if (!fmt.equals("e4m3")) {
            throw new Bad(path + ".fmt", "fp8 fmt '" + shorten(fmt) + "': only e4m3 (float8_e4m3fn) block-scaled "
                    + "checkpoints are supported.");
        }
        JsonNode block = q.get("weight_block_size");
        if (block == null || block.isNull()) {
            throw new Bad(path + ".weight_block_size", "fp8 without weight_block_size (one scale per tensor) is not "
                    + "a layout Bytewise knows; block-scaled fp8 says e.g. \"weight_block_size\": [128, 128].");
        }
        if (!block.isArray() || block.size() != 2 || !positiveInt(block.get(0)) || !positiveInt(block.get(1))) {
            throw new Bad(path + ".weight_block_size", "weight_block_size must be two positive integers, e.g. [128, 128].");
        }
        return new Fp8Block(base, block.get(0).intValue(), block.get(1).intValue(), notConverted);
    }

    private static CheckpointPrecision gptq(JsonNode q, String path, String base, List<String> notConverted) {
        String format = text(q, "checkpoint_format", path).orElse("gptq").toLowerCase(Locale.ROOT);
        if (!format.equals("gptq") && !format.equals("gptq_v2")) {
            throw new Bad(path + ".checkpoint_format", "GPTQ checkpoint_format '" + shorten(format)
                    + "' repacks the weights; only gptq and gptq_v2 (the same tensor shapes) are supported.");
        }
        int bits = bits(q, path, List.of("bits"), List.of(2, 3, 4, 8));
        return new GroupQuant(Method.GPTQ, bits, group(q, path, List.of("group_size")), bool(q, "desc_act", path, false),
                bool(q, "sym", path, true), bool(q, "lm_head", path, false), base, notConverted);
    }

    private static CheckpointPrecision awq(JsonNode q, String path, String base, List<String> notConverted) {
        String version = text(q, "version", path).orElse("gemm").toLowerCase(Locale.ROOT);
        if (!version.equals("gemm")) {
            throw new Bad(path + ".version", "AWQ version '" + shorten(version) + "' packs differently; only the GEMM "
                    + "layout (AutoAWQ's WQLinear_GEMM, version gemm) is supported.");
        }
        int bits = bits(q, path, List.of("bits", "w_bit"), List.of(4));
        return new GroupQuant(Method.AWQ, bits, group(q, path, List.of("group_size", "q_group_size")), false,
                !bool(q, "zero_point", path, true), false, base, notConverted);
    }

    /** transformers' BitsAndBytesConfig: load_in_4bit / load_in_8bit, bnb_4bit_* and llm_int8_skip_modules. */
    private static CheckpointPrecision bitsAndBytes(JsonNode q, String path, String base) {
        boolean four = bool(q, "load_in_4bit", path, bool(q, "_load_in_4bit", path, false));
        boolean eight = bool(q, "load_in_8bit", path, bool(q, "_load_in_8bit", path, false));
        if (four == eight) {
            throw new Bad(path + ".load_in_4bit", "A bitsandbytes config says load_in_4bit or load_in_8bit: true (one of them).");
        }
        // BitsAndBytesConfig's defaults: bnb_4bit_quant_type "fp4", no double quantization, uint8 storage.
        String type = text(q, "bnb_4bit_quant_type", path).orElse("fp4").toLowerCase(Locale.ROOT);
        if (four && !type.equals("nf4") && !type.equals("fp4")) {
            throw new Bad(path + ".bnb_4bit_quant_type", "bnb_4bit_quant_type must be nf4 or fp4, got " + shorten(type) + ".");
        }
        String storage = text(q, "bnb_4bit_quant_storage", path).orElse("uint8").toLowerCase(Locale.ROOT).replace("torch.", "");
        String stored = switch (storage) {
            case "uint8" -> "U8";
            case "bfloat16" -> "BF16";
            case "float16" -> "F16";
            case "float32" -> "F32";
            default -> throw new Bad(path + ".bnb_4bit_quant_storage", "bnb_4bit_quant_storage must be uint8, bfloat16, "
                    + "float16 or float32, got " + shorten(storage) + ".");
        };
        JsonNode skip = q.get("llm_int8_skip_modules");
        boolean listed = skip != null && !skip.isNull();
        return new CheckpointPrecision.BitsAndBytes(four ? 4 : 8, type, four && bool(q, "bnb_4bit_use_double_quant", path,
                false), stored, base, listed, strings(q, "llm_int8_skip_modules", path));
    }

    static int bits(JsonNode q, String path, List<String> names, List<Integer> allowed) {
        for (String name : names) {
            JsonNode node = q.get(name);
            if (node != null && !node.isNull()) {
                if (!positiveInt(node) || !allowed.contains(node.intValue())) {
                    throw new Bad(path + "." + name, name + " must be one of " + allowed + ", got " + shorten(node.toString()));
                }
                return node.intValue();
            }
        }
        throw new Bad(path + "." + names.getFirst(), "quantization_config needs " + names.getFirst() + ".");
    }

    /** The group size; -1 (one group per row) is returned as -1, resolved per tensor. */
    private static int group(JsonNode q, String path, List<String> names) {
        for (String name : names) {
            JsonNode node = q.get(name);
            if (node != null && !node.isNull()) {
                if (!node.isIntegralNumber() || !node.canConvertToInt() || (node.intValue() != -1 && node.intValue() < 1)) {
                    throw new Bad(path + "." + name, name + " must be a positive integer or -1, got " + shorten(node.toString()));
                }
                return node.intValue();
            }
        }
        throw new Bad(path + "." + names.getFirst(), "quantization_config needs " + names.getFirst() + ".");
    }

    static boolean positiveInt(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToInt() && node.intValue() > 0;
    }

    static Optional<String> text(JsonNode q, String name, String path) {
        JsonNode node = q.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isString()) {
            throw new Bad(path + "." + name, name + " must be a string.");
        }
        return Optional.of(node.stringValue());
    }

    static boolean bool(JsonNode q, String name, String path, boolean fallback) {
        JsonNode node = q.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new Bad(path + "." + name, name + " must be true or false.");
        }
        return node.booleanValue();
    }

    static List<String> strings(JsonNode q, String name, String path) {
        JsonNode node = q.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > 10_000) {
            throw new Bad(path + "." + name, name + " must be a list of module names.");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode entry : node) {
            if (!entry.isString() || entry.stringValue().length() > 500) {
                throw new Bad(path + "." + name, name + " must hold module names (strings).");
            }
            values.add(entry.stringValue());
        }
        return values;
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
