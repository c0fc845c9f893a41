package app.bytewise.ui.estimator;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.ModelReader;
import app.bytewise.ui.BoundedUploadHandler;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A model from the user's own Hugging Face {@code config.json}, pasted or uploaded. A config that
 * cannot be read keeps the previous model and says why in the field.
 */
final class CustomConfigField extends Details {

    static final String CUSTOM_ID = "custom";

    private final TextArea json = new TextArea("config.json");
    private final Span status = new Span();
    /** The known family to count an unknown model_type as, or "" to refuse it (the default). */
    private final Select<String> assume = new Select<>();
    private final Consumer<CatalogModel> onApplied;
    private String appliedJson = "";

    CustomConfigField(Consumer<CatalogModel> onApplied) {
        this.onApplied = onApplied;
        setSummaryText("Use your own config.json");
        addClassName("bw-custom-config");
        json.setPlaceholder("{\"model_type\": \"llama\", \"hidden_size\": 4096, …}");
        json.setMaxLength(ConfigParameter.MAX_CONFIG_CHARS);
        json.setWidthFull();
        json.setHelperText("Paste the config.json from the model's Hugging Face page, or upload the file.");
        Button use = new Button("Use this config", e -> apply(json.getValue()).ifPresent(onApplied));
        // Bytes, not characters: a UTF-8 file of MAX_CONFIG_CHARS bytes has at most that many characters.
        Upload upload = new Upload(new BoundedUploadHandler(ConfigParameter.MAX_CONFIG_CHARS, (name, bytes) -> {
            json.setValue(new String(bytes, StandardCharsets.UTF_8));
            apply(json.getValue()).ifPresent(onApplied);
        }, (name, reason) -> fail(name + ": " + reason)));
        upload.setAcceptedFileTypes(".json", "application/json");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(ConfigParameter.MAX_CONFIG_CHARS);
        upload.setDropLabel(new Span("or drop config.json here"));
        status.addClassName("bw-lab-status");
        List<String> choices = new ArrayList<>(List.of(""));
        choices.addAll(ModelReader.KNOWN_TYPES);
        assume.setLabel("If the model_type is unknown");
        assume.setItems(choices);
        assume.setItemLabelGenerator(t -> t.isEmpty() ? "Refuse it: count known families only"
                : "Guess: count it as " + t);
        assume.setValue("");
        assume.addClassName("bw-assume-family");
        add(json, assume, use, upload, status);
    }

    /** Reads the config; on success the model is returned, on failure the field shows why. */
    Optional<CatalogModel> apply(String text) {
        json.setInvalid(false);
        if (text == null || text.isBlank()) {
            return fail("Paste a config.json first.");
        }
        if (text.length() > ConfigParameter.MAX_CONFIG_CHARS) {
            return fail("A config.json is a few kilobytes; this is over " + ConfigParameter.MAX_CONFIG_CHARS + " characters.");
        }
        try {
            Model model = ModelReader.readText(CUSTOM_ID, "Your config.json", text, "config",
                    assumed().isEmpty() ? Optional.empty() : Optional.of(assumed()));
            appliedJson = text;
            if (!text.equals(json.getValue())) {
                json.setValue(text);
            }
            status.setText(String.format(Locale.ROOT, "%s %,d parameters in %,d tensors.",
                    model.isGuess() ? "Guessed (as " + assumed() + "):" : "Read", model.parameters(), model.tensorCount()));
            return Optional.of(new CatalogModel(CUSTOM_ID, "Your config.json", null, null, null, null, model));
        } catch (InvalidInputException bad) {
            return fail(bad.getMessage());
        }
    }

    /** Reads a config given as text (one made from a GGUF header), showing it in the field as if pasted. */
    Optional<CatalogModel> applyText(String text) {
        json.setValue(text);
        return apply(text);
    }

    String appliedJson() {
        return appliedJson;
    }

    /** The family an unknown model_type is counted as, "" for none. */
    String assumed() {
        return assume.getValue() == null ? "" : assume.getValue();
    }

    void assume(String family) {
        assume.setValue(ModelReader.KNOWN_TYPES.contains(family) ? family : "");
    }

    Select<String> assumeField() {
        return assume;
    }

    TextArea json() {
        return json;
    }

    /** Pastes and applies in one go, for tests. */
    void paste(String text) {
        json.setValue(text);
        apply(text).ifPresent(onApplied);
    }

    private Optional<CatalogModel> fail(String message) {
        json.setErrorMessage(message);
        json.setInvalid(true);
        setOpened(true);
        status.setText("");
        return Optional.empty();
    }
}
