package app.bytewise.quant.lab;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.quant.mx.Fp8Block128Codec;
import app.bytewise.quant.mx.MxCodec;
import app.bytewise.quant.mx.NvFp4Codec;
import app.bytewise.quant.tensor.FloatMatrix;
import java.util.List;
import java.util.Optional;

/**
 * Block-scaled float formats outside GGUF: OCP MX ({@code mx:fp4}, {@code mx:fp6-e2m3}, {@code
 * mx:fp6-e3m2}, {@code mx:fp8-e4m3}, {@code mx:fp8-e5m2}), NVIDIA NVFP4 with its per-tensor scale
 * ({@code nvfp4}) and DeepSeek-V3's FP8 with 128 × 128 block scales ({@code fp8-block128}). Blocks
 * of MX and NVFP4 run along rows, so the columns must be a multiple of the block.
 */
final class ScaledFloatRun {

    private ScaledFloatRun() {
    }

    static boolean handles(String format) {
        return format.startsWith("mx:") || format.equals("nvfp4") || format.equals("fp8-block128");
    }

    static LabResult run(LabRequest r, FloatMatrix w, String format, List<String> notes) {
        if (format.equals("nvfp4")) {
            requireBlocks(w, NvFp4Codec.BLOCK, "NVFP4");
            NvFp4Codec.Encoded e = NvFp4Codec.encode(w.data());
            notes.add("Stored as torchao's nvfp4_quantize writes it: two E2M1 codes a byte (first in the low nibble), "
                    + "one E4M3 scale per 16 values, then the FP32 per-tensor scale amax / (448 · 6).");
            return QuantLab.result(r, w, "NVFP4 (per-tensor + E4M3 block scales)",
                    new FloatMatrix(w.rows(), w.cols(), NvFp4Codec.decode(e)), e.storedBits(), Optional.empty(),
                    Optional.of(e.bytes()), Optional.empty(), notes);
        }
        if (format.equals("fp8-block128")) {
            Fp8Block128Codec.Encoded e = Fp8Block128Codec.encode(w);
            notes.add("DeepSeek-V3's FP8: E4M3 values, then one FP32 weight_scale_inv per 128 × 128 block ("
                    + e.blockRows() + " × " + e.blockCols() + "); border blocks are partial.");
            return QuantLab.result(r, w, "FP8 E4M3, 128 × 128 block scales", Fp8Block128Codec.decode(e),
                    e.storedBits(), Optional.empty(), Optional.of(e.bytes()), Optional.empty(), notes);
        }
        MxCodec codec;
        try {
            codec = MxCodec.of(format.substring(3));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("format", "Unknown MX format '" + format
                    + "'. Known: mx:fp4, mx:fp6-e2m3, mx:fp6-e3m2, mx:fp8-e4m3, mx:fp8-e5m2.");
        }
        requireBlocks(w, MxCodec.BLOCK, codec.name());
        MxCodec.Encoded e = codec.encode(w.data());
        notes.add("OCP MX v1.0 as torchao's to_mx stores it: " + codec.elementBytesPerBlock()
                + " bytes of element codes per 32 values, then one E8M0 scale byte per block.");
        return QuantLab.result(r, w, codec.name(), new FloatMatrix(w.rows(), w.cols(), codec.decode(e)), e.storedBits(),
                Optional.empty(), Optional.of(e.bytes()), Optional.empty(), notes);
    }

    private static void requireBlocks(FloatMatrix w, int block, String name) {
        if (w.cols() % block != 0) {
            throw new InvalidInputException("cols", name + " splits rows into blocks of " + block + " values; "
                    + w.cols() + " columns is not a multiple of it.");
        }
    }
}
