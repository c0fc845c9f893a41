package app.bytewise.engine.model;

import static app.bytewise.engine.model.CheckpointConfig.bool;
import static app.bytewise.engine.model.CheckpointConfig.shorten;
import static app.bytewise.engine.model.CheckpointConfig.strings;
import static app.bytewise.engine.model.CheckpointConfig.text;

import app.bytewise.engine.model.CheckpointConfig.Bad;
import app.bytewise.engine.model.CheckpointPrecision.CompressedTensors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A compressed-tensors {@code quantization_config} (vllm-project/compressed-tensors
 * {@code config/base.py}, {@code quantization/quant_scheme.py}, {@code quant_args.py} @52792be0):
 * {@code format} (or each group's own), one {@code config_groups} entry targeting {@code Linear} with
 * its {@code weights} args ({@code num_bits}, {@code type}, {@code symmetric}, {@code strategy},
 * {@code group_size}, {@code block_structure}, {@code actorder}) and {@code input_activations}, and the
 * {@code ignore} list. {@code re:} entries are matched with {@code re.match} there; here they are
 * read as name globs ({@code .*} any run, an escaped dot a dot, {@code ^}/{@code $} dropped) and any
 * other regular-expression syntax is refused, so no user-given pattern is ever compiled.
 */
final class CompressedTensorsConfig {

    private static final Set<String> FORMATS = Set.of("pack-quantized", "float-quantized", "int-quantized",
            "naive-quantized", "nvfp4-pack-quantized");

    private CompressedTensorsConfig() {
    }

    static CheckpointPrecision read(JsonNode q, String path, String base) {
        JsonNode groups = q.get("config_groups");
        if (groups == null || !groups.isObject() || groups.size() != 1) {
            throw new Bad(path + ".config_groups", "compressed-tensors: Bytewise lays out exactly one config group "
                    + "(the usual W4A16, W8A8, FP8 and NVFP4 schemes); this config has "
                    + (groups == null || !groups.isObject() ? "none" : groups.size()) + ".");
        }
        String groupName = groups.propertyNames().iterator().next();
        String gPath = path + ".config_groups." + groupName;
        JsonNode group = groups.get(groupName);
        List<String> targets = strings(group, "targets", gPath);
        if (!targets.equals(List.of("Linear"))) {
            throw new Bad(gPath + ".targets", "compressed-tensors: only a group targeting [\"Linear\"] is laid out.");
        }
        String format = text(group, "format", gPath).or(() -> text(q, "format", path)).orElse("")
                .toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw new Bad(path + ".format", "compressed-tensors format '" + shorten(format) + "' is not one Bytewise lays "
                    + "out: " + String.join(", ", FORMATS.stream().sorted().toList()) + ".");
        }
        JsonNode w = group.get("weights");
        String wPath = gPath + ".weights";
        if (w == null || !w.isObject()) {
            throw new Bad(wPath, "compressed-tensors: the group has no weights arguments.");
        }
        int bits = CheckpointConfig.bits(w, wPath, List.of("num_bits"), List.of(2, 4, 8));
        boolean floating = text(w, "type", wPath).orElse("int").equalsIgnoreCase("float");
        String strategy = text(w, "strategy", wPath).orElse("tensor").toLowerCase(Locale.ROOT);
        int groupSize = 0;
        int rows = 0;
        int columns = 0;
        switch (strategy) {
            case "group", "tensor_group" -> groupSize = positive(w, "group_size", wPath);
            case "block" -> {
                JsonNode block = w.get("block_structure");
                if (block == null || !block.isArray() || block.size() != 2 || !CheckpointConfig.positiveInt(block.get(0))
                        || !CheckpointConfig.positiveInt(block.get(1))) {
                    throw new Bad(wPath + ".block_structure", "block_structure must be two positive integers, e.g. [128, 128].");
                }
                rows = block.get(0).intValue();
                columns = block.get(1).intValue();
            }
            case "tensor", "channel" -> { }
            default -> throw new Bad(wPath + ".strategy", "strategy '" + shorten(strategy) + "': known are tensor, "
                    + "channel, group, tensor_group and block.");
        }
        String kind = format.equals("pack-quantized") ? "int" : format.equals("nvfp4-pack-quantized") || format.equals(
                "float-quantized") ? "float" : "int";
        if (floating != kind.equals("float") || (format.equals("nvfp4-pack-quantized") && (bits != 4 || groupSize != 16))
                || (format.equals("float-quantized") && bits != 8)) {
            throw new Bad(wPath, "compressed-tensors format " + format + " does not store " + (floating ? "float" : "int")
                    + bits + (groupSize > 0 ? " in groups of " + groupSize : "") + " weights.");
        }
        String actorder = text(w, "actorder", wPath).orElse("").toLowerCase(Locale.ROOT);
        JsonNode input = group.get("input_activations");
        String iPath = gPath + ".input_activations";
        boolean quantizedInput = input != null && input.isObject();
        boolean staticInput = quantizedInput && (format.equals("nvfp4-pack-quantized")
                || !bool(input, "dynamic", iPath, false));
        List<String> ignore = new ArrayList<>();
        for (String entry : strings(q, "ignore", path)) {
            ignore.add(glob(entry, path + ".ignore"));
        }
        return new CompressedTensors(format, bits, floating, bool(w, "symmetric", wPath, true), strategy.equals(
                "tensor_group") ? "group" : strategy, groupSize, rows, columns, actorder.equals("group"), staticInput,
                base, ignore);
    }

    private static int positive(JsonNode w, String name, String path) {
        JsonNode node = w.get(name);
        if (!CheckpointConfig.positiveInt(node)) {
            throw new Bad(path + "." + name, name + " must be a positive integer.");
        }
        return node.intValue();
    }

    /** An ignore entry as a module glob: a name as it is, {@code re:} patterns of the simple kind translated. */
    static String glob(String entry, String field) {
        if (!entry.startsWith("re:")) {
            return entry;
        }
        String regex = entry.substring(3);
        StringBuilder out = new StringBuilder();
        int start = regex.startsWith("^") ? 1 : 0;
        int end = regex.endsWith("$") && !regex.endsWith("\\$") ? regex.length() - 1 : regex.length();
        for (int i = start; i < end; i++) {
            char c = regex.charAt(i);
            if (c == '.' && i + 1 < end && regex.charAt(i + 1) == '*') {
                out.append('*');
                i++;
            } else if (c == '\\' && i + 1 < end && regex.charAt(i + 1) == '.') {
                out.append('.');
                i++;
            } else if ("[](){}+?|\\*^$".indexOf(c) >= 0) {
                throw new Bad(field, "ignore pattern '" + shorten(entry) + "' uses regular-expression syntax Bytewise "
                        + "does not evaluate (it reads .*, \\. and literal names): list the modules instead.");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
