package app.bytewise.api;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.checkpoint.CheckpointReport;
import app.bytewise.engine.checkpoint.GgufConfig;
import app.bytewise.engine.checkpoint.GgufHeader;
import app.bytewise.engine.checkpoint.SafetensorsHeader;
import app.bytewise.engine.checkpoint.SafetensorsIndex;
import app.bytewise.engine.model.Model;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The user's own checkpoint files beside (or instead of) a config: the base64 first bytes of a
 * {@code .safetensors} file, of a {@code .gguf} file, or a {@code model.safetensors.index.json}. A GGUF
 * header alone is enough to count the model (its metadata is the config); a safetensors header is held
 * against the config's tensor list.
 */
final class CheckpointInput {

    /** The decoded bytes a request may carry: the API body limit (8 MiB) holds this much in base64. */
    static final int MAX_HEADER_BYTES = 6 * 1024 * 1024;

    static final java.util.Set<String> KEYS = java.util.Set.of("safetensorsHeader", "ggufHeader", "safetensorsIndex");

    private CheckpointInput() {
    }

    static boolean has(JsonNode model) {
        return KEYS.stream().anyMatch(model::has);
    }

    /** The model from a GGUF header alone, counted by its family from the metadata, and the file's report. */
    static RequestMapper.ModelInput ggufModel(JsonNode model, Function<JsonNode, Model> fromConfig) {
        GgufHeader header = GgufHeader.read(bytes(model, "ggufHeader"), "model.ggufHeader", MAX_HEADER_BYTES);
        // Read once: the metadata is the config, and the tensor infos are the report.
        return new RequestMapper.ModelInput(fromConfig.apply(GgufConfig.of(header, "model.ggufHeader")),
                Optional.of(CheckpointReport.of("gguf", header, Optional.empty())));
    }

    /** The report on whichever file the request carries, compared with {@code counted} where the format allows. */
    static Optional<CheckpointReport> report(JsonNode model, Model counted) {
        if (model.has("safetensorsHeader")) {
            SafetensorsHeader header = SafetensorsHeader.read(bytes(model, "safetensorsHeader"), "model.safetensorsHeader",
                    MAX_HEADER_BYTES);
            return Optional.of(CheckpointReport.of("safetensors", header, Optional.of(counted)));
        }
        if (model.has("ggufHeader")) {
            GgufHeader header = GgufHeader.read(bytes(model, "ggufHeader"), "model.ggufHeader", MAX_HEADER_BYTES);
            // GGUF names and orders tensors its own way (blk.0.attn_q.weight, ne0 first): totals only.
            return Optional.of(CheckpointReport.of("gguf", header, Optional.empty()));
        }
        if (model.has("safetensorsIndex")) {
            JsonNode index = model.get("safetensorsIndex");
            SafetensorsIndex read = SafetensorsIndex.read(index.isString() ? index.stringValue() : index.toString(),
                    "model.safetensorsIndex");
            return Optional.of(CheckpointReport.ofIndex(read, counted));
        }
        return Optional.empty();
    }

    private static byte[] bytes(JsonNode model, String key) {
        JsonNode node = model.get(key);
        String field = "model." + key;
        if (node == null || !node.isString()) {
            throw new InvalidInputException(field, key + " is the file's first bytes in base64, e.g. from "
                    + "head -c 8M model." + (key.startsWith("gguf") ? "gguf" : "safetensors") + " | base64 -w0.");
        }
        String text = node.stringValue();
        if (text.length() > Math.ceilDiv(MAX_HEADER_BYTES, 3) * 4L + 4) {
            throw new InvalidInputException(field, "At most the first " + MAX_HEADER_BYTES / (1024 * 1024)
                    + " MiB of the file fit a request; that is enough for the header of any published model.");
        }
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException bad) {
            throw new InvalidInputException(field, key + " is not valid base64: " + bad.getMessage());
        }
    }
}
