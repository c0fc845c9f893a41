package app.bytewise.api;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.quant.BlockCodec;
import app.bytewise.quant.gguf.GgufCodecs;
import app.bytewise.quant.lab.LabMethod;
import app.bytewise.quant.mx.Fp8Block128Codec;
import app.bytewise.quant.mx.MxCodec;
import app.bytewise.quant.mx.NvFp4Codec;
import java.util.List;
import java.util.Locale;

/**
 * An upper bound on the JSON a quantize answer will be, computed before the run, so a request
 * whose extra outputs would be too large is refused instead of computed and streamed: 4096 × 4096
 * dequantized values are about 200 MB of JSON. The bound is the API's request body cap, 8 MiB.
 */
final class ResponseSize {

    static final long MAX_BYTES = 8L * 1024 * 1024;
    /** The longest float Jackson writes, "-1.17549435E-38", and its comma. */
    private static final int FLOAT_CHARS = 16;
    /** The longest double, "-1.2345678901234567E-300", its comma, and a count of up to 8 digits. */
    private static final int BIN_CHARS = 25 + 9;
    /** Scheme, shape, two sets of metrics and the notes. */
    private static final int FIXED_CHARS = 4096;

    private ResponseSize() {
    }

    /** Refuses, naming {@code return}, extra outputs that would make the answer larger than {@link #MAX_BYTES}. */
    static void check(List<String> extra, String format, LabMethod method, QuantizeShape shape, int bins) {
        check(extra, format, method, shape, bins, 128);
    }

    /** The same, for a run whose groups hold {@code groupSize} values (AutoAWQ's packed zeros and scales). */
    static void check(List<String> extra, String format, LabMethod method, QuantizeShape shape, int bins, int groupSize) {
        double fixed = FIXED_CHARS + 3.0 * (bins + 1) * BIN_CHARS;
        // LLM.int8() and SmoothQuant quantize the product: their "dequantized" output is Y, inputRows × rows.
        boolean product = method == LabMethod.LLM_INT8 || method == LabMethod.SMOOTHQUANT;
        double values = product ? (double) shape.inputRows() * shape.rows() : (double) shape.rows() * shape.cols();
        double dequantized = extra.contains("dequantized") ? values * FLOAT_CHARS : 0;
        double encoded = extra.contains("encoded") ? encodedChars(format, shape.rows(), shape.cols()) : 0;
        if (extra.contains("encoded") && (method == LabMethod.AWQ || method == LabMethod.HQQ)) {
            encoded = methodChars(method, (double) shape.rows() * shape.cols(), Math.max(1, groupSize));
        }
        double total = fixed + dequantized + encoded;
        if (total > MAX_BYTES) {
            String asked = dequantized >= encoded ? "\"dequantized\"" : "\"encoded\"";
            throw new InvalidInputException("return", String.format(Locale.ROOT, "return %s on %d × %d would make an "
                    + "answer of about %.1f MiB; answers are at most %d MiB. Leave it out, or ask for it on a smaller "
                    + "tensor.", asked, shape.rows(), shape.cols(), total / (1024 * 1024), MAX_BYTES / (1024 * 1024)));
        }
    }

    /**
     * Hex of the packed codes: HQQ's W_q at most a byte a weight (8-, 6- and 5-bit codes are not
     * packed); AutoAWQ's GEMM bytes half a byte a weight plus, per group, half a byte of zero and an
     * FP16 scale (per channel is one group per row, fewer bytes than any group size it is counted as).
     */
    private static double methodChars(LabMethod method, double weights, int groupSize) {
        return method == LabMethod.HQQ ? 2 * weights : 2 * weights * (0.5 + 2.5 / groupSize);
    }

    /**
     * Hex of the stored bytes (two characters a byte), plus bitsandbytes' absmax per 64 values; MX
     * elements and E8M0 scales, NVFP4 codes, E4M3 scales and the FP32 tensor scale, FP8 block128
     * values and FP32 block scales.
     */
    private static double encodedChars(String format, int rows, int cols) {
        double weights = (double) rows * cols;
        String f = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        if (f.startsWith("gguf:")) {
            try {
                BlockCodec codec = GgufCodecs.of(f.substring(5));
                return 2 * Math.ceil(weights / codec.blockSize()) * codec.bytesPerBlock();
            } catch (IllegalArgumentException unknown) {
                return 0; // the run refuses the format itself, naming it
            }
        }
        if (f.equals("nf4") || f.equals("fp4")) {
            return weights + Math.ceil(weights / 64) * FLOAT_CHARS; // two 4-bit codes a byte
        }
        if (f.startsWith("mx:")) {
            try {
                MxCodec codec = MxCodec.of(f.substring(3));
                return 2 * Math.ceil(weights / MxCodec.BLOCK) * (codec.elementBytesPerBlock() + 1);
            } catch (IllegalArgumentException unknown) {
                return 0;
            }
        }
        if (f.equals("nvfp4")) {
            return 2 * (Math.ceil(weights / 2) + Math.ceil(weights / NvFp4Codec.BLOCK) + 4);
        }
        if (f.equals("fp8-block128")) {
            int block = Fp8Block128Codec.BLOCK;
            return 2 * (weights + 4.0 * Math.ceilDiv(rows, block) * Math.ceilDiv(cols, block));
        }
        return 0; // other formats have no fixed byte layout to return
    }
}
