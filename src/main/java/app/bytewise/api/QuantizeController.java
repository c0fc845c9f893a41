package app.bytewise.api;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.quant.lab.LabCost;
import app.bytewise.quant.lab.LabMethod;
import app.bytewise.quant.lab.LabRequest;
import app.bytewise.quant.lab.QuantLab;
import app.bytewise.quant.method.Granularity;
import app.bytewise.quant.method.ProgressMonitor;
import app.bytewise.quant.tensor.FloatMatrix;
import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorKind;
import app.bytewise.quant.tensor.TensorSpec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/quantize}: quantize a tensor for real and measure the error. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Quantization lab", description = "Real formats and methods on small tensors")
class QuantizeController {

    private final QuantizeRateLimit rateLimit;

    QuantizeController(QuantizeRateLimit rateLimit) {
        this.rateLimit = rateLimit;
    }

    @Operation(summary = "Quantize a tensor and measure the error", description = "Encodes to the stored bits and "
            + "decodes back. GGUF types are byte-identical to llama.cpp's reference quantizers, NF4/FP4 to "
            + "bitsandbytes. Bad input answers 400 with a problem detail naming the field.")
    @PostMapping(path = "/quantize", consumes = MediaType.APPLICATION_JSON_VALUE)
    QuantizeResponse quantize(@RequestBody QuantizeRequest q, HttpServletRequest http) {
        LabMethod method = LabMethod.parse(q.method());
        String format = or(q.format(), "int8");
        // Shapes, outputs and price are settled before any tensor is generated: that is where the CPU goes.
        QuantizeShape shape = QuantizeShape.of(q, method);
        List<String> extra = q.returnFields() == null ? List.of() : q.returnFields();
        for (String field : extra) {
            if (!"dequantized".equals(field) && !"encoded".equals(field)) {
                throw new InvalidInputException("return", "return takes \"dequantized\" and/or \"encoded\", not '" + field + "'.");
            }
        }
        int bins = bins(q.bins());
        ResponseSize.check(extra, format, method, shape, bins, or(q.groupSize(), 128));
        rateLimit.charge(http, LabCost.of(format, method, shape.rows(), shape.cols(), shape.inputRows()), shape.field(),
                shape.describe(method));
        FloatMatrix tensor = tensor(q, shape);
        Optional<FloatMatrix> inputs = method.needsInputs()
                ? Optional.of(inputs(q.inputs(), tensor.cols())) : Optional.empty();
        LabRequest request = new LabRequest(tensor, format, method, granularity(q.granularity()),
                or(q.groupSize(), 128), or(q.symmetric(), true), or(q.doubleQuant(), false), inputs,
                or(q.threshold(), 6.0f), or(q.alpha(), 0.5), or(q.actOrder(), false), or(q.dampPercent(), 0.01),
                or(q.kvRole(), "keys"), or(q.residual(), 128), bins);
        return QuantizeResponse.of(QuantLab.run(request, ProgressMonitor.NONE), extra.contains("dequantized"),
                extra.contains("encoded"));
    }

    private static FloatMatrix tensor(QuantizeRequest q, QuantizeShape shape) {
        if (q.tensor() != null) {
            return TensorGenerator.generate(spec(q.tensor(), "tensor", 0));
        }
        float[] data = new float[q.values().size()];
        for (int i = 0; i < data.length; i++) {
            Float v = q.values().get(i);
            if (v == null) {
                throw new InvalidInputException("values[" + i + "]", "Values must be numbers, not null.");
            }
            data[i] = v;
        }
        return new FloatMatrix(shape.rows(), shape.cols(), data);
    }

    private static FloatMatrix inputs(QuantizeRequest.TensorSpecJson spec, int features) {
        if (spec == null) {
            return TensorGenerator.generate(TensorSpec.layerInputs(features, 1));
        }
        TensorSpec parsed = spec(spec, "inputs", features);
        if (parsed.cols() != features) {
            throw new InvalidInputException("inputs.cols", "Inputs need " + features + " columns, the weight's input size.");
        }
        return TensorGenerator.generate(parsed);
    }

    private static TensorSpec spec(QuantizeRequest.TensorSpecJson s, String field, int defaultCols) {
        TensorKind kind;
        try {
            kind = TensorKind.valueOf(or(s.kind(), "gaussian").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field + ".kind", "kind must be gaussian, student_t, outlier_channels or activations.");
        }
        if (s.rows() == null || (s.cols() == null && defaultCols == 0)) {
            throw new InvalidInputException(field + ".rows", "Give rows and cols.");
        }
        boolean activations = kind == TensorKind.ACTIVATIONS;
        return new TensorSpec(kind, s.rows(), or(s.cols(), defaultCols), or(s.seed(), 0L),
                or(s.scale(), activations ? 1.0 : 0.02), or(s.outliers(), kind == TensorKind.GAUSSIAN ? 0 : 4),
                or(s.outlierMagnitude(), activations ? 20.0 : 10.0), or(s.degreesOfFreedom(), 5.0));
    }

    private static Granularity granularity(String g) {
        try {
            return Granularity.valueOf(or(g, "channel").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("granularity", "granularity must be tensor, channel or group.");
        }
    }

    private static int bins(Integer bins) {
        int b = or(bins, 64);
        if (b < 1 || b > 1024) {
            throw new InvalidInputException("bins", "bins must be 1 to 1024.");
        }
        return b;
    }

    private static <T> T or(T value, T fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }
}
