package app.bytewise.drill.template.quantization;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.NumericTemplate;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.TemplateKey;
import app.bytewise.drill.Topic;
import app.bytewise.drill.answer.Unit;
import app.bytewise.engine.Step;
import app.bytewise.engine.Step.Input;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The bytes of a matrix in the two microscaled FP4 formats: MXFP4 (OCP Microscaling Formats v1.0, §5:
 * blocks of 32 E2M1 values sharing one E8M0 scale byte, as gpt-oss ships its experts) and NVFP4 as
 * compressed-tensors stores it ({@code nvfp4-pack-quantized}: two E2M1 codes per byte, one E4M3 scale
 * per 16 values and one FP32 global scale per tensor).
 */
public final class Fp4TensorSizeTemplate extends NumericTemplate {

    static final TemplateKey KEY = new TemplateKey("fp4-microscaled-tensor-size", Topic.QUANTIZATION_METHODS,
            Difficulty.MEDIUM);
    private static final long[] SHAPES = {2048, 2880, 4096, 5120, 7168, 8192, 14336};

    public Fp4TensorSizeTemplate() {
        super(KEY);
    }

    /** A microscaled format: values per scale, scale bytes, bytes per tensor beside the blocks. */
    record Fp4(String name, int block, String layout, long perTensor) {

        long bytes(long values) {
            return values / 2 + values / block + perTensor;
        }
    }

    static final Fp4 MXFP4 = new Fp4("MXFP4", 32, "FP4 (E2M1) codes, two per byte, and one E8M0 scale byte per block "
            + "of 32 values", 0);
    static final Fp4 NVFP4 = new Fp4("NVFP4", 16, "FP4 (E2M1) codes, two per byte, one FP8 (E4M3) scale per block of "
            + "16 values and one FP32 global scale for the whole tensor", 4);

    @Override
    protected Scenario scenario(SplittableRandom random) {
        Fp4 f = random.nextBoolean() ? MXFP4 : NVFP4;
        Fp4 other = f == MXFP4 ? NVFP4 : MXFP4;
        long rows = SHAPES[random.nextInt(SHAPES.length)];
        long cols = SHAPES[random.nextInt(SHAPES.length)];
        long n = rows * cols;
        long bytes = f.bytes(n);
        String text = String.format(Locale.ROOT, "A %,d × %,d weight matrix is stored in %s: %s. How much memory does it "
                + "take, in MiB?", rows, cols, f.name(), f.layout());
        Step step = Step.bytes("weights", "Weights in " + f.name(), "values / 2 + values / block"
                + (f.perTensor() > 0 ? " + 4" : ""), List.of(Input.of("values", n, ""), Input.of("block", f.block(),
                "values per scale")), bytes, String.format(Locale.ROOT, "%s bits per weight, scales included.",
                f.block() == 32 ? "4.25" : "4.5"));
        return new Scenario(text, NumericAnswer.bytes(bytes, Unit.MIB_UNIT),
                Scenario.wrong(Misconception.NOMINAL_BITS, n / 2,
                        Misconception.FP4_WRONG_BLOCK, n / 2 + n / other.block() + f.perTensor(),
                        Misconception.BITS_AS_BYTES, bytes * 8),
                List.of(step), "Microscaled FP4 pays for its scales: MXFP4 4.25 bits per weight, NVFP4 4.5.");
    }
}
