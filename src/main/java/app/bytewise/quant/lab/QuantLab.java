package app.bytewise.quant.lab;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.quant.BlockCodec;
import app.bytewise.quant.gguf.GgufCodecs;
import app.bytewise.quant.gguf.ImatrixCodec;
import app.bytewise.quant.method.Gptq;
import app.bytewise.quant.method.GptqConfig;
import app.bytewise.quant.method.IntQuantConfig;
import app.bytewise.quant.method.Kivi;
import app.bytewise.quant.method.LlmInt8;
import app.bytewise.quant.method.MatmulResult;
import app.bytewise.quant.method.ProgressMonitor;
import app.bytewise.quant.method.QuantizedTensor;
import app.bytewise.quant.method.RoundToNearest;
import app.bytewise.quant.method.SmoothQuant;
import app.bytewise.quant.metric.ErrorMetrics;
import app.bytewise.quant.metric.Histogram;
import app.bytewise.quant.metric.OutputError;
import app.bytewise.quant.tensor.FloatMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Runs a format or method on a tensor and measures what it does: the lab's single entry point. */
public final class QuantLab {

    private QuantLab() {
    }

    public static LabResult run(LabRequest r, ProgressMonitor monitor) {
        FloatMatrix w = r.tensor().requireFinite("values");
        r.inputs().ifPresent(x -> x.requireFinite("inputs"));
        List<String> notes = new ArrayList<>();
        return switch (r.method()) {
            case RTN -> rtn(r, w, notes);
            case GPTQ -> weightMethod(r, w, Gptq.quantize(w, inputs(r), new GptqConfig(intConfig(r), r.dampPercent(), 128,
                    r.actOrder()), monitor), notes);
            case AWQ -> AwqRun.run(r, w, inputs(r), monitor, notes);
            case LLM_INT8 -> matmul(r, w, LlmInt8.multiply(inputs(r), w, r.threshold()), notes);
            case SMOOTHQUANT -> matmul(r, w, SmoothQuant.multiply(inputs(r), w, r.alpha()), notes);
            case KIVI -> {
                Kivi.Config config = new Kivi.Config(intBits(r.format()), r.groupSize(), r.residual());
                QuantizedTensor q = "values".equalsIgnoreCase(r.kvRole()) ? Kivi.values(w, config) : Kivi.keys(w, config);
                notes.add("Rows are tokens and columns are channels of one head's cache.");
                yield result(r, w, q.method(), q.dequantized(), q.storedBits(), Optional.empty(), Optional.empty(),
                        Optional.empty(), notes);
            }
            case HQQ -> HqqRun.run(r, w, monitor, notes);
        };
    }

    private static LabResult rtn(LabRequest r, FloatMatrix w, List<String> notes) {
        String format = r.format() == null ? "" : r.format().strip().toLowerCase(Locale.ROOT);
        if (format.startsWith("gguf:")) {
            return gguf(r, w, format.substring(5), notes);
        }
        if (format.equals("nf4") || format.equals("fp4")) {
            return FourBitRun.run(r, w, format, notes);
        }
        if (ScaledFloatRun.handles(format)) {
            return ScaledFloatRun.run(r, w, format, notes);
        }
        if (FloatCast.handles(format)) {
            return FloatCast.run(r, w, format, notes);
        }
        if (!format.matches("int[2-8]")) {
            throw new InvalidInputException("format", "Unknown format '" + r.format() + "'. Known: fp16, bf16, fp8-e4m3, "
                    + "fp8-e5m2, int2 to int8, nf4, fp4, mx:fp4, mx:fp6-e2m3, mx:fp6-e3m2, mx:fp8-e4m3, mx:fp8-e5m2, nvfp4, fp8-block128, "
                    + "gguf:<TYPE> (Q8_0, Q4_0, Q4_1, Q5_0, Q5_1, Q2_0, Q1_0, Q2_K … Q6_K, IQ4_NL, IQ4_XS, IQ3_S, IQ3_XXS, "
                    + "IQ2_S, IQ2_XS, IQ2_XXS, IQ1_M, IQ1_S, MXFP4, NVFP4, TQ1_0, TQ2_0).");
        }
        QuantizedTensor q = RoundToNearest.quantize(w, intConfig(r));
        return result(r, w, q.method(), q.dequantized(), q.storedBits(), Optional.empty(), Optional.empty(),
                Optional.empty(), notes);
    }

    private static LabResult gguf(LabRequest r, FloatMatrix w, String type, List<String> notes) {
        BlockCodec codec;
        try {
            codec = GgufCodecs.of(type);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("format", "Unknown GGUF type '" + type + "'.");
        }
        if (w.cols() % codec.blockSize() != 0) {
            throw new InvalidInputException("cols", codec.name() + " splits rows into blocks of " + codec.blockSize()
                    + " values; " + w.cols() + " columns is not a multiple of it.");
        }
        byte[] encoded;
        String lower = codec.name().toLowerCase(Locale.ROOT);
        try {
            if (codec instanceof ImatrixCodec weighted && r.inputs().isPresent()) {
                encoded = RowParallel.encode(weighted, w, Imatrix.of(r.inputs().get()));
                notes.add("Bytes as llama-quantize writes them with an importance matrix (quantize_" + lower + "): each "
                        + "column weighted by the mean of its squared layer input over the " + r.inputs().get().rows()
                        + " input rows, as llama-imatrix computes it.");
            } else if (codec instanceof ImatrixCodec weighted && weighted.requiresImatrix()) {
                encoded = RowParallel.encode(codec, w);
                notes.add("llama.cpp quantizes " + codec.name() + " only with an importance matrix; without layer inputs "
                        + "the lab gives every column the same importance (1), so the bytes are quantize_" + lower
                        + " with a uniform imatrix. Add layer inputs to weigh columns as llama-imatrix would.");
            } else if (codec instanceof ImatrixCodec) {
                encoded = RowParallel.encode(codec, w);
                notes.add("Bytes as llama-quantize writes them without an importance matrix (quantize_" + lower
                        + " with none). Add layer inputs to weigh columns as llama-imatrix would.");
            } else {
                encoded = RowParallel.encode(codec, w);
                notes.add("Bytes as llama.cpp's quantize_row_" + lower + "_ref writes them: "
                        + codec.bytesPerBlock() + " bytes per block of " + codec.blockSize() + ".");
            }
        } catch (IllegalStateException e) {
            // The IQ1/IQ2/IQ3 searches stop where ggml's GGML_ASSERTs would abort llama-quantize.
            throw new InvalidInputException("format", "llama.cpp cannot quantize this tensor as " + codec.name()
                    + ": " + e.getMessage());
        }
        notes.add(LLAMA_BUILD_NOTE);
        float[] decoded = codec.decode(encoded, w.size());
        return result(r, w, "GGUF " + codec.name(), new FloatMatrix(w.rows(), w.cols(), decoded), 8L * encoded.length,
                Optional.empty(), Optional.of(encoded), Optional.empty(), notes);
    }

    /**
     * Which ggml the bytes equal, and why another build can differ: gcc contracts a·b + c into one
     * fused multiply-add under -march=native (FMA available, -ffp-contract=fast by default for GNU C),
     * which rounds once instead of twice and moves values that sit on a rounding boundary.
     */
    static final String LLAMA_BUILD_NOTE = "Equal to the ggml shipped in llama.cpp's prebuilt CPU library (v0.5.0, "
            + "compiled -O3 without -march=native). A llama.cpp built locally with -march=native can differ in a few "
            + "blocks: the compiler fuses multiply-adds, which round once instead of twice, and a value that sat "
            + "exactly on a rounding boundary lands on the other side (with -ffp-contract=off the bytes agree again).";

    private static LabResult weightMethod(LabRequest r, FloatMatrix w, QuantizedTensor q, List<String> notes) {
        FloatMatrix x = inputs(r);
        return result(r, w, q.method(), q.dequantized(), q.storedBits(), Optional.of(OutputError.of(x, w, q.dequantized())),
                Optional.empty(), Optional.empty(), notes);
    }

    private static LabResult matmul(LabRequest r, FloatMatrix w, MatmulResult m, List<String> notes) {
        notes.add("This method quantizes the product: the metrics compare Y = X·Wᵀ with the FP32 product.");
        if (m.outlierColumns().length > 0) {
            notes.add(m.outlierColumns().length + " outlier features kept in FP16.");
        }
        FloatMatrix exact = inputs(r).timesTransposed(w);
        float[] error = difference(exact.data(), m.output().data());
        return new LabResult(m.method(), m.error(), Optional.of(m.error()), (double) m.weightBits() / w.size(),
                Math.ceilDiv(m.weightBits(), 8), Histogram.of(exact.data(), r.bins()),
                Histogram.of(m.output().data(), r.bins()), Histogram.of(error, r.bins()),
                CentralHistograms.of(exact.data(), m.output().data(), error, r.bins()),
                m.output(), Optional.empty(), Optional.empty(), notes);
    }

    static LabResult result(LabRequest r, FloatMatrix w, String scheme, FloatMatrix dequantized, long bits,
            Optional<ErrorMetrics> output, Optional<byte[]> encoded, Optional<float[]> absmax, List<String> notes) {
        float[] original = w.data();
        float[] approx = dequantized.data();
        // With layer inputs at hand every weight-only format gets an output error too, so a side-by-side
        // comparison ranks RTN, k-quants and GPTQ on the same footing: the error the next layer sees.
        Optional<ErrorMetrics> outputError = output.isPresent() || r.inputs().isEmpty() ? output
                : Optional.of(OutputError.of(r.inputs().get(), w, dequantized));
        float[] error = difference(original, approx);
        return new LabResult(scheme, ErrorMetrics.between(original, approx), outputError, (double) bits / w.size(),
                Math.ceilDiv(bits, 8), Histogram.of(original, r.bins()), Histogram.of(approx, r.bins()),
                Histogram.of(error, r.bins()), CentralHistograms.of(original, approx, error, r.bins()), dequantized,
                encoded, absmax, notes);
    }

    static IntQuantConfig intConfig(LabRequest r) {
        return new IntQuantConfig(intBits(r.format()), r.symmetric(), r.granularity(), r.groupSize());
    }

    static int intBits(String format) {
        String f = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        if (f.matches("int[2-8]")) {
            return f.charAt(3) - '0';
        }
        throw new InvalidInputException("format", "This method takes an integer format, int2 to int8; got '" + format + "'.");
    }

    private static FloatMatrix inputs(LabRequest r) {
        return r.inputs().orElseThrow(() -> new InvalidInputException("inputs", r.method().id() + " needs layer inputs."));
    }

    private static float[] difference(float[] a, float[] b) {
        float[] d = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = b[i] - a[i];
        }
        return d;
    }
}
