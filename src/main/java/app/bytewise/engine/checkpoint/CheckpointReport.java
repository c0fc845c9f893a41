package app.bytewise.engine.checkpoint;

import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.TensorGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a user's checkpoint header says, exactly, and how it compares with the model Bytewise counts
 * from the config: each tensor of the file is looked up by its name among the model's tensor groups
 * (layer and expert indices replaced by {@value TensorGroup#LAYER} and {@value TensorGroup#EXPERT}),
 * so the comparison costs one lookup per file tensor, however many layers the config declares.
 *
 * @param format {@code safetensors} or {@code gguf}
 * @param bytesByType bytes per dtype (safetensors names: {@code BF16}, {@code F8_E4M3}) or ggml type ({@code Q4_K})
 * @param matched file tensors found in the model with the same shape
 * @param missing the model's tensors the file does not hold (a shard holds only some)
 * @param unexpected file tensors the model has no place for, quantization scales aside
 * @param quantizationTensors scales, zero points, packed blocks (FP8 {@code weight_scale_inv}, MXFP4
 *     {@code _blocks}/{@code _scales}, GPTQ {@code qweight}…): storage, not parameters
 * @param examples a few names behind each difference, for the user to look at
 */
public record CheckpointReport(String format, int tensors, long bytes, long elements, Map<String, Long> bytesByType,
        Optional<Comparison> comparison) {

    public record Comparison(long modelTensors, long matched, long missing, long unexpected, long shapeMismatches,
            long quantizationTensors, List<String> examples) {

        public boolean agrees() {
            return missing == 0 && unexpected == 0 && shapeMismatches == 0;
        }
    }

    private static final Pattern LAYER = Pattern.compile("(?<=(?:^|\\.)(?:layers|h|blocks)\\.)\\d{1,9}(?=\\.)");
    private static final Pattern EXPERT = Pattern.compile("(?<=\\.experts\\.)\\d{1,9}(?=\\.)");
    private static final Pattern QUANTIZATION = Pattern.compile(
            ".*(?:_scale_inv|_blocks|_scales|\\.qweight|\\.qzeros|\\.scales|\\.g_idx|\\.weight_scale|\\.input_scale"
                    + "|\\.absmax|\\.quant_map|\\.quant_state\\..*|\\.nested_absmax|\\.nested_quant_map)$");
    private static final int EXAMPLES = 12;

    public static CheckpointReport of(String format, CheckpointHeader header, Optional<Model> model) {
        return new CheckpointReport(format, header.tensors().size(), header.totalBytes(), header.totalElements(),
                header.bytesByType(), model.filter(Model::hasTensors).map(m -> compare(header, m)));
    }

    /**
     * A {@code model.safetensors.index.json}: every tensor's name and its {@code metadata.total_size}
     * (bytes of all shards' tensors), without shapes or dtypes.
     */
    public static CheckpointReport ofIndex(SafetensorsIndex index, Model model) {
        List<Named> names = index.tensorNames().stream().map(n -> new Named(n, null)).toList();
        return new CheckpointReport("safetensors index", names.size(), index.totalSize().orElse(0), 0, Map.of(),
                Optional.of(model).filter(Model::hasTensors).map(m -> compare(names, m)));
    }

    /** A tensor's name and its shape as the file stores it, null when the file gives none. */
    private record Named(String name, List<Long> shape) {
    }

    /** Safetensors stores PyTorch shapes, so names and shapes compare directly with the model's tensor list. */
    static Comparison compare(CheckpointHeader header, Model model) {
        return compare(header.tensors().stream().map(t -> new Named(t.name(), t.shape())).toList(), model);
    }

    private static Comparison compare(List<Named> tensors, Model model) {
        Map<String, List<TensorGroup>> byPattern = new HashMap<>();
        for (TensorGroup g : model.tensorGroups()) {
            byPattern.computeIfAbsent(g.pattern(), k -> new ArrayList<>()).add(g);
        }
        long matched = 0;
        long unexpected = 0;
        long mismatched = 0;
        long quantization = 0;
        List<String> examples = new ArrayList<>();
        for (Named t : tensors) {
            Optional<TensorGroup> group = find(byPattern, t.name());
            if (group.isEmpty()) {
                if (QUANTIZATION.matcher(t.name()).matches()) {
                    quantization++;
                } else {
                    unexpected++;
                    example(examples, "not in the model: " + t.name());
                }
            } else if (t.shape() != null && !group.get().first().shape().equals(t.shape())) {
                mismatched++;
                example(examples, "shape " + t.shape() + " in the file, " + group.get().first().shape() + " counted: "
                        + t.name());
            } else {
                matched++;
            }
        }
        long modelTensors = model.tensorCount();
        long missing = Math.max(0, modelTensors - matched - mismatched);
        if (missing > 0) {
            example(examples, String.format(java.util.Locale.ROOT, "%,d of the model's tensors are not in this file "
                    + "(normal for one shard of several)", missing));
        }
        return new Comparison(modelTensors, matched, missing, unexpected, mismatched, quantization, examples);
    }

    private static Optional<TensorGroup> find(Map<String, List<TensorGroup>> byPattern, String name) {
        java.util.regex.Matcher layerMatch = LAYER.matcher(name);
        int layer = layerMatch.find() ? Integer.parseInt(layerMatch.group()) : -1;
        java.util.regex.Matcher expertMatch = EXPERT.matcher(name);
        int expert = expertMatch.find() ? Integer.parseInt(expertMatch.group()) : -1;
        String pattern = EXPERT.matcher(LAYER.matcher(name).replaceFirst(TensorGroup.LAYER)).replaceFirst(TensorGroup.EXPERT);
        for (String candidate : List.of(pattern, name)) {
            for (TensorGroup g : byPattern.getOrDefault(candidate, List.of())) {
                int first = g.first().layer();
                boolean inLayers = first < 0 || (layer >= first && layer < first + g.layers());
                boolean inExperts = g.first().expert() < 0 || (expert >= 0 && expert < g.experts());
                if (inLayers && inExperts) {
                    return Optional.of(g);
                }
            }
        }
        return Optional.empty();
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < EXAMPLES) {
            examples.add(text);
        }
    }
}
