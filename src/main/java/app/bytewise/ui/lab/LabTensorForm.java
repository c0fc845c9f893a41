package app.bytewise.ui.lab;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.quant.tensor.FloatMatrix;
import app.bytewise.quant.tensor.MatrixParser;
import app.bytewise.quant.tensor.TensorKind;
import app.bytewise.quant.tensor.TensorSpec;
import app.bytewise.ui.BoundedUploadHandler;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the lab's tensor comes from: generated from a reproducible spec, or the user's own values
 * pasted as CSV or uploaded as a {@code .npy} file. Invalid input marks the field and yields nothing.
 */
final class LabTensorForm extends Div {

    static final String GENERATED = "Generate";
    static final String OWN = "My own values";
    /**
     * A 4096 × 4096 float32 .npy is 64 MiB; uploads are capped well below that (2048 × 2048 float32,
     * 4096 × 2048 float16, plus the header) to keep memory bounded, on the server as in the browser.
     */
    static final int MAX_UPLOAD_BYTES = 16 * 1024 * 1024 + 256;

    private final RadioButtonGroup<String> source = new RadioButtonGroup<>("Tensor");
    private final Select<TensorKind> kind = new Select<>();
    private final IntegerField rows = new IntegerField("Rows");
    private final IntegerField cols = new IntegerField("Columns");
    private final IntegerField seed = new IntegerField("Seed");
    private final IntegerField outliers = new IntegerField("Outlier columns");
    private final NumberField magnitude = new NumberField("Outlier magnitude (×)");
    private final TextArea pasted = new TextArea("Paste CSV (one row per line)");
    private final Span uploaded = new Span();
    private final FlexLayout generatedFields;
    private final Div ownFields;
    private FloatMatrix uploadedMatrix;

    LabTensorForm() {
        addClassName("bw-lab-tensor");
        source.setItems(GENERATED, OWN);
        source.setValue(GENERATED);
        kind.setLabel("Kind");
        kind.setItems(TensorKind.values());
        kind.setItemLabelGenerator(k -> switch (k) {
            case GAUSSIAN -> "Gaussian weights";
            case STUDENT_T -> "Heavy-tailed weights (Student-t)";
            case OUTLIER_CHANNELS -> "Weights with outlier channels";
            case ACTIVATIONS -> "Activations with outlier features";
        });
        kind.setValue(TensorKind.OUTLIER_CHANNELS);
        kind.setMinWidth("17rem");
        rows.setValue(256);
        cols.setValue(512);
        seed.setValue(42);
        outliers.setValue(4);
        magnitude.setValue(10.0);
        app.bytewise.ui.Bounds.wholeNumber(rows, 1, 4096);
        app.bytewise.ui.Bounds.wholeNumber(cols, 1, 4096);
        outliers.setHelperText("0 to the column count");
        app.bytewise.ui.Bounds.wholeNumber(outliers, 0, 4096);
        app.bytewise.ui.Bounds.atLeast(magnitude, 1);
        seed.setI18n(new IntegerField.IntegerFieldI18n().setBadInputErrorMessage("A whole number."));
        List.of(rows, cols, seed, outliers).forEach(f -> f.setStepButtonsVisible(true));
        generatedFields = new FlexLayout(kind, rows, cols, seed, outliers, magnitude);
        generatedFields.addClassName("bw-form-row");

        pasted.setPlaceholder("0.12, -0.03, 0.44\n0.08, 0.91, -0.27");
        pasted.setMaxLength(4_000_000);
        // A pasted tensor scrolls inside the box instead of growing the page by thousands of lines.
        pasted.setMaxRows(12);
        pasted.setWidthFull();
        Upload upload = new Upload(new BoundedUploadHandler(MAX_UPLOAD_BYTES, this::uploaded, this::refused));
        upload.setAcceptedFileTypes(".npy");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_UPLOAD_BYTES);
        upload.setDropLabel(new Span("or drop a .npy file (float32 or float16, 1-D or 2-D, C order, up to 16 MiB)"));
        ownFields = new Div(pasted, upload, uploaded);
        ownFields.setVisible(false);
        source.addValueChangeListener(e -> {
            generatedFields.setVisible(GENERATED.equals(e.getValue()));
            ownFields.setVisible(OWN.equals(e.getValue()));
        });
        add(source, generatedFields, ownFields);
    }

    /** The tensor to quantize, or empty with the offending field marked. */
    Optional<LabTensor> tensor() {
        List.<HasValidation>of(rows, cols, seed, outliers, magnitude, pasted).forEach(f -> f.setInvalid(false));
        try {
            return Optional.of(GENERATED.equals(source.getValue()) ? generate() : own());
        } catch (InvalidInputException bad) {
            HasValidation field = switch (bad.field()) {
                case "tensor.rows", "rows" -> rows;
                case "tensor.outliers" -> outliers;
                case "tensor.outlierMagnitude" -> magnitude;
                case "seed" -> seed;
                case "cols", "tensor.cols" -> cols;
                default -> pasted;
            };
            field.setErrorMessage(bad.getMessage());
            field.setInvalid(true);
            return Optional.empty();
        }
    }

    long inputSeed() {
        return seed.getValue() == null ? 1 : seed.getValue() + 1L;
    }

    /** For tests and the upload: takes a .npy file's bytes as the tensor. */
    void uploaded(String fileName, byte[] bytes) {
        pasted.setInvalid(false);
        try {
            uploadedMatrix = MatrixParser.npy(bytes).requireFinite("file");
            pasted.clear();
            uploaded.setText(String.format(Locale.ROOT, "%s: %d × %d values loaded.", fileName, uploadedMatrix.rows(),
                    uploadedMatrix.cols()));
        } catch (InvalidInputException bad) {
            refused(fileName, bad.getMessage());
        }
    }

    private void refused(String fileName, String reason) {
        uploadedMatrix = null;
        uploaded.setText("");
        pasted.setErrorMessage(fileName + ": " + reason);
        pasted.setInvalid(true);
    }

    RadioButtonGroup<String> source() {
        return source;
    }

    TextArea pasted() {
        return pasted;
    }

    IntegerField rows() {
        return rows;
    }

    IntegerField cols() {
        return cols;
    }

    Select<TensorKind> kind() {
        return kind;
    }

    private LabTensor generate() {
        if (seed.getValue() == null) {
            throw new InvalidInputException("seed", "Enter a whole number.");
        }
        int r = dimension(rows, "rows");
        int c = dimension(cols, "cols");
        if (outliers.getValue() == null) {
            throw new InvalidInputException("tensor.outliers", "Enter a whole number (0 for none).");
        }
        if (magnitude.getValue() == null) {
            throw new InvalidInputException("tensor.outlierMagnitude", "Enter a number, at least 1.");
        }
        TensorKind k = kind.getValue();
        boolean activations = k == TensorKind.ACTIVATIONS;
        return LabTensor.generated(new TensorSpec(k, r, c, seed.getValue(), activations ? 1.0 : 0.02,
                outliers.getValue(), magnitude.getValue(), 5.0));
    }

    private LabTensor own() {
        if (!pasted.isEmpty()) {
            return LabTensor.given(MatrixParser.csv(pasted.getValue()).requireFinite("values"));
        }
        if (uploadedMatrix != null) {
            return LabTensor.given(uploadedMatrix);
        }
        throw new InvalidInputException("values", "Paste values or upload a .npy file first.");
    }

    /** Each side at most 4096, so the product stays within the lab's 4096 × 4096 bound. */
    private static int dimension(IntegerField field, String name) {
        if (field.getValue() == null || field.getValue() < 1 || field.getValue() > 4096) {
            throw new InvalidInputException(name, "Enter a whole number from 1 to 4096.");
        }
        return field.getValue();
    }
}
