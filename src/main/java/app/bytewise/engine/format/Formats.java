package app.bytewise.engine.format;

import app.bytewise.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses the weight-format ids used across the API, the questions and the UI. */
public final class Formats {

    private Formats() {
    }

    public static WeightFormat parse(String id) {
        return parse(id, "weights");
    }

    public static WeightFormat parse(String id, String field) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException(field, "Choose a weight format, e.g. bf16, int4, nf4 or gguf:Q4_K_M.");
        }
        String key = id.strip().toLowerCase(Locale.ROOT);
        if (key.equals(CheckpointFormat.ID)) {
            // Resolved against the model: only a model read from a config.json says its checkpoint's precision.
            return new CheckpointFormat(field);
        }
        if (key.startsWith("gguf:")) {
            try {
                return GgufFormat.parse(id.strip().substring(5));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(field, e.getMessage());
            }
        }
        if (GroupQuantFormat.matches(key)) {
            try {
                return GroupQuantFormat.parse(key);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(field, e.getMessage());
            }
        }
        for (WeightFormat format : simple()) {
            if (format.id().equals(key)) {
                return format;
            }
        }
        if (isGgufTypeName(id.strip())) {
            // A bare llama.cpp type name: point at the canonical id rather than guess silently.
            throw new InvalidInputException(field, "Unknown weight format '" + id + "'. Did you mean gguf:"
                    + id.strip().toUpperCase(Locale.ROOT) + "?");
        }
        throw new InvalidInputException(field, "Unknown weight format '" + id + "'. Known: fp32, fp16, bf16, fp8-e4m3, "
                + "fp8-e5m2, int8, int4, nf4, nf4-dq, gptq-4bit-g128, awq-4bit-g128, gguf:<TYPE> (e.g. gguf:Q4_K_M), checkpoint (as the model's checkpoint is stored).");
    }

    /** Every format with a fixed id, and representative GPTQ/AWQ/GGUF ones, for listings. */
    public static List<WeightFormat> catalog() {
        List<WeightFormat> all = new ArrayList<>(simple());
        all.add(GroupQuantFormat.parse("gptq-4bit-g128"));
        all.add(GroupQuantFormat.parse("gptq-8bit-g128"));
        all.add(GroupQuantFormat.parse("gptq-3bit-g128"));
        all.add(GroupQuantFormat.parse("awq-4bit-g128"));
        for (GgufFileType type : GgufFileType.values()) {
            all.add(GgufFormat.parse(type.name()));
        }
        for (String pure : List.of("Q5_K", "Q4_K", "Q3_K")) {
            all.add(GgufFormat.parse(pure));
        }
        return all;
    }

    private static List<WeightFormat> simple() {
        List<WeightFormat> all = new ArrayList<>(List.of(DenseFormat.values()));
        all.addAll(List.of(ChannelQuantFormat.values()));
        all.addAll(List.of(Nf4Format.values()));
        return all;
    }

    private static boolean isGgufTypeName(String name) {
        try {
            GgufFormat.parse(name.toUpperCase(Locale.ROOT));
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }
}
