package app.bytewise.api;

import app.bytewise.quant.lab.LabResult;
import app.bytewise.quant.metric.ErrorMetrics;
import app.bytewise.quant.metric.Histogram;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The answer of {@code POST /api/v1/quantize}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuantizeResponse(String scheme, int rows, int cols, ErrorMetrics metrics, ErrorMetrics outputError,
        double bitsPerWeight, long storedBytes, Map<String, Histogram> histograms, float[] dequantized, String encodedHex,
        float[] absmax, List<String> notes) {

    static QuantizeResponse of(LabResult r, boolean dequantized, boolean encoded) {
        return new QuantizeResponse(r.scheme(), r.dequantized().rows(), r.dequantized().cols(), r.metrics(),
                r.outputError().orElse(null), r.bitsPerWeight(), r.storedBytes(),
                Map.of("original", r.original(), "dequantized", r.reconstructed(), "error", r.error()),
                dequantized ? r.dequantized().data() : null,
                encoded ? r.encoded().map(b -> HexFormat.of().formatHex(b)).orElse(null) : null,
                encoded ? r.absmax().orElse(null) : null, r.notes());
    }
}
