package app.bytewise.quant.mx;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.quant.number.Fp8E4M3;
import app.bytewise.quant.tensor.FloatMatrix;
import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorSpec;
import org.junit.jupiter.api.Test;

/** DeepSeek-V3's 128 × 128 block FP8 (weight_quant / weight_dequant). */
class Fp8Block128CodecTest {

    /**
     * 130 × 260: 2 × 3 blocks, the last row of blocks 2 rows high and the last column 4 wide. Block
     * (0, 0) holds 1000, so its scale is 1000 / 448 and 1000 encodes as 448 (0x7E); block (0, 1) is
     * zeros (scale 0, codes 0); the corner block (1, 2), 2 × 4 values, has amax 8.96 of its own.
     */
    @Test
    void partialBorderBlocksUseTheirOwnAmax() {
        int rows = 130;
        int cols = 260;
        float[] x = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                boolean zeroBlock = r < 128 && c >= 128 && c < 256;
                x[r * cols + c] = zeroBlock ? 0 : ((r * 7 + c * 3) % 11 - 5) * 0.01f;
            }
        }
        x[0] = 1000;
        x[129 * cols + 259] = 8.96f;
        Fp8Block128Codec.Encoded e = Fp8Block128Codec.encode(new FloatMatrix(rows, cols, x));
        assertThat(e.blockRows()).isEqualTo(2);
        assertThat(e.blockCols()).isEqualTo(3);
        assertThat(e.scaleInv()).hasSize(6);
        assertThat(e.scaleInv()[0]).isEqualTo(1000f / 448f);
        assertThat(e.scaleInv()[1]).isZero();
        assertThat(e.scaleInv()[5]).isEqualTo(8.96f / 448f);
        assertThat(e.fp8()[0]).isEqualTo((byte) 0x7E);
        assertThat(e.fp8()[129 * cols + 259]).isEqualTo((byte) 0x7E);
        FloatMatrix y = Fp8Block128Codec.decode(e);
        assertThat(y.get(0, 0)).isEqualTo(Fp8E4M3.decode((byte) 0x7E) * (1000f / 448f));
        assertThat(y.get(5, 200)).isZero();
        // dequant = fp8 · scale_inv everywhere
        for (int r = 0; r < rows; r += 43) {
            for (int c = 0; c < cols; c += 37) {
                float s = e.scaleInv()[(r / 128) * 3 + c / 128];
                assertThat(y.get(r, c)).isEqualTo(Fp8E4M3.decode(e.fp8()[r * cols + c]) * s);
            }
        }
        // 130 · 260 bytes of E4M3, then 6 FP32 scales.
        assertThat(e.bytes()).hasSize(rows * cols + 24);
        assertThat(e.storedBits()).isEqualTo(8L * rows * cols + 32 * 6);
    }

    /** Whole blocks: 8 bits a value plus 32 per 16,384. */
    @Test
    void storedBitsOfWholeBlocks() {
        FloatMatrix w = TensorGenerator.generate(TensorSpec.gaussian(256, 256, 9));
        Fp8Block128Codec.Encoded e = Fp8Block128Codec.encode(w);
        assertThat((double) e.storedBits() / w.size()).isEqualTo(8 + 32.0 / 16384);
        FloatMatrix y = Fp8Block128Codec.decode(e);
        for (int i = 0; i < w.size(); i++) {
            // E4M3 keeps 3 mantissa bits: relative error at most 2^-4 for normals, absolute under a subnormal step
            float tol = Math.abs(w.data()[i]) / 16 + e.scaleInv()[0] * 0x1p-9f * 4;
            assertThat(Math.abs(y.data()[i] - w.data()[i])).isLessThanOrEqualTo(tol * 1.0001f + Math.ulp(w.data()[i]));
        }
    }
}
