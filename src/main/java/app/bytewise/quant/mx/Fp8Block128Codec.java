package app.bytewise.quant.mx;

import app.bytewise.quant.number.Fp8E4M3;
import app.bytewise.quant.tensor.FloatMatrix;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * DeepSeek-V3's FP8 weights: E4M3 values with one FP32 scale per 128 × 128 block of the matrix,
 * stored in the checkpoint as {@code weight_scale_inv} ({@code ceil(rows / 128) × ceil(cols / 128)},
 * row-major), and dequantized as {@code fp8 · scale_inv} (deepseek-ai/DeepSeek-V3,
 * inference/kernel.py {@code weight_dequant_kernel}: {@code y = x * s}). The encoder is that file's
 * {@code weight_quant_kernel}: {@code s = amax / 448}, {@code y = x / s} cast to E4M3 (saturating,
 * to nearest even), in float32. Blocks at the right and bottom border are partial: the kernels mask
 * the elements past the matrix, so a partial block's amax is over its own elements only.
 *
 * <p>A block of zeros would give 0 / 0 there; here its scale is 0 and its codes 0. Division is
 * IEEE float32 (Triton's default {@code /} may differ in the last bit).
 */
public final class Fp8Block128Codec {

    public static final int BLOCK = 128;

    private Fp8Block128Codec() {
    }

    /** The stored form: row-major E4M3 bytes and the block scales. */
    public record Encoded(int rows, int cols, byte[] fp8, float[] scaleInv) {

        public int blockRows() {
            return Math.ceilDiv(rows, BLOCK);
        }

        public int blockCols() {
            return Math.ceilDiv(cols, BLOCK);
        }

        /** The E4M3 bytes, then the scales as little-endian FP32. */
        public byte[] bytes() {
            ByteBuffer b = ByteBuffer.allocate(fp8.length + 4 * scaleInv.length).order(ByteOrder.LITTLE_ENDIAN).put(fp8);
            for (float s : scaleInv) {
                b.putFloat(s);
            }
            return b.array();
        }

        public long storedBits() {
            return 8L * fp8.length + 32L * scaleInv.length;
        }
    }

    public static Encoded encode(FloatMatrix w) {
        int rows = w.rows();
        int cols = w.cols();
        float[] x = w.data();
        int blockCols = Math.ceilDiv(cols, BLOCK);
        float[] scales = new float[Math.ceilDiv(rows, BLOCK) * blockCols];
        byte[] out = new byte[x.length];
        for (int br = 0; br * BLOCK < rows; br++) {
            for (int bc = 0; bc < blockCols; bc++) {
                int r1 = Math.min(rows, (br + 1) * BLOCK);
                int c1 = Math.min(cols, (bc + 1) * BLOCK);
                float amax = 0f;
                for (int r = br * BLOCK; r < r1; r++) {
                    for (int c = bc * BLOCK; c < c1; c++) {
                        amax = Math.max(amax, Math.abs(x[r * cols + c]));
                    }
                }
                float s = amax / Fp8E4M3.MAX;
                scales[br * blockCols + bc] = s;
                for (int r = br * BLOCK; r < r1; r++) {
                    for (int c = bc * BLOCK; c < c1; c++) {
                        out[r * cols + c] = s == 0f ? 0 : Fp8E4M3.encode(x[r * cols + c] / s);
                    }
                }
            }
        }
        return new Encoded(rows, cols, out, scales);
    }

    public static FloatMatrix decode(Encoded e) {
        float[] y = new float[e.fp8().length];
        int cols = e.cols();
        for (int i = 0; i < y.length; i++) {
            int r = i / cols;
            int c = i % cols;
            y[i] = Fp8E4M3.decode(e.fp8()[i]) * e.scaleInv()[(r / BLOCK) * e.blockCols() + c / BLOCK];
        }
        return new FloatMatrix(e.rows(), e.cols(), y);
    }
}
