package app.bytewise.ui.estimator;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.checkpoint.CheckpointReport;
import app.bytewise.engine.checkpoint.GgufConfig;
import app.bytewise.engine.checkpoint.GgufHeader;
import app.bytewise.engine.checkpoint.SafetensorsHeader;
import app.bytewise.engine.checkpoint.SafetensorsIndex;
import app.bytewise.engine.checkpoint.TruncatedHeaderException;
import app.bytewise.ui.BoundedUploadHandler;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The user's own checkpoint file, read from its first bytes: a {@code .gguf} header becomes the model
 * (its metadata is the config); a {@code .safetensors} header or a {@code model.safetensors.index.json}
 * is held against the chosen model's tensor list. The page says how to cut the first bytes off a
 * multi-gigabyte file.
 */
final class CheckpointFileField extends Details {

    /** 16 MiB: more than any published model's header (a 150,000-token GGUF vocabulary is about 4 MB). */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private final Div report = new Div();
    private final Supplier<CatalogModel> current;
    private final Function<String, Optional<CatalogModel>> applyConfig;

    /**
     * @param current the model the form shows, to compare a safetensors file with
     * @param applyConfig reads a config.json text into the form's model, as a paste would
     */
    CheckpointFileField(Supplier<CatalogModel> current, Function<String, Optional<CatalogModel>> applyConfig) {
        this.current = current;
        this.applyConfig = applyConfig;
        setSummaryText("Check your checkpoint file (GGUF or safetensors header)");
        addClassName("bw-checkpoint-file");
        Upload upload = new Upload(new BoundedUploadHandler(MAX_BYTES, this::read,
                (name, reason) -> show(name + ": " + reason)));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setDropLabel(new Span("drop the first MB of a .gguf or .safetensors file, or model.safetensors.index.json"));
        report.addClassName("bw-checkpoint-report");
        add(new Paragraph("Upload only the start of the file: head -c 8M model.gguf > head.gguf (or "
                + "model.safetensors). A GGUF header becomes the model; a safetensors header or index is compared "
                + "with the model chosen above, tensor by tensor."), upload, report);
    }

    /** Reads an uploaded file's first bytes; public to the package for tests. */
    void read(String name, byte[] bytes) {
        try {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".json")) {
                SafetensorsIndex index = SafetensorsIndex.read(new String(bytes, StandardCharsets.UTF_8), "file");
                show(CheckpointReport.ofIndex(index, current.get().model()));
            } else if (bytes.length >= 4 && bytes[0] == 'G' && bytes[1] == 'G' && bytes[2] == 'U' && bytes[3] == 'F') {
                GgufHeader header = GgufHeader.read(bytes, "file", MAX_BYTES);
                Optional<CatalogModel> model = applyConfig.apply(GgufConfig.of(header, "file").toString());
                if (model.isPresent()) {
                    show(CheckpointReport.of("gguf", header, Optional.empty()));
                } else {
                    show("The GGUF metadata did not read as a config: see the config field above.");
                }
            } else {
                SafetensorsHeader header = SafetensorsHeader.read(bytes, "file", MAX_BYTES);
                show(CheckpointReport.of("safetensors", header, Optional.of(current.get().model())));
            }
        } catch (TruncatedHeaderException cut) {
            show(cut.getMessage());
        } catch (InvalidInputException bad) {
            show(bad.getMessage());
        }
    }

    private void show(String message) {
        report.removeAll();
        report.add(new Paragraph(message));
        setOpened(true);
    }

    private void show(CheckpointReport r) {
        report.removeAll();
        report.add(new Paragraph(String.format(Locale.ROOT, "%s: %,d tensors, %,d bytes (%s).", r.format(), r.tensors(),
                r.bytes(), app.bytewise.engine.ByteCount.of(r.bytes()).display())));
        for (Map.Entry<String, Long> type : r.bytesByType().entrySet()) {
            report.add(new Paragraph(String.format(Locale.ROOT, "%s: %,d bytes", type.getKey(), type.getValue())));
        }
        r.comparison().ifPresent(c -> {
            Paragraph verdict = new Paragraph(c.agrees()
                    ? String.format(Locale.ROOT, "Every one of the model's %,d tensors is in the file, with its shape.",
                            c.modelTensors())
                    : String.format(Locale.ROOT, "Against %s: %,d tensors match, %,d differ in shape, %,d are not in "
                            + "the model, %,d of the model's are not in the file, %,d are quantization scales.",
                            current.get().name(), c.matched(), c.shapeMismatches(), c.unexpected(), c.missing(),
                            c.quantizationTensors()));
            verdict.addClassName(c.agrees() ? "bw-checkpoint-agrees" : "bw-warning");
            report.add(verdict);
            c.examples().forEach(e -> report.add(new Paragraph(e)));
        });
        setOpened(true);
    }

    Div report() {
        return report;
    }
}
