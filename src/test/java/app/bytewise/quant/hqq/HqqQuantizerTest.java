package app.bytewise.quant.hqq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.quant.tensor.FloatMatrix;
import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorSpec;
import org.junit.jupiter.api.Test;

/** HQQ's Quantizer.quantize (mobiusml/hqq, hqq/core/quantize.py) on hand-worked and generated tensors. */
class HqqQuantizerTest {

    private static final FloatMatrix W = TensorGenerator.generate(TensorSpec.gaussian(64, 256, 3));

    private static double meanAbsError(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    /**
     * Two groups of 4, 4 bits, no optimizer. [−1, 0.5, 2, 2]: HQQ's inverse scale 15 / (2 − (−1)) = 5
     * and zero −(−1) · 5 = 5, so the stored scale is (max − min) / 15 = 0.2 (FP16 0.199951171875,
     * 0x3266) and zero = −min / scale = 5. Codes round(w · 5 + 5): 0, round(7.5) = 8 (half to even),
     * 15, 15. Decoded in FP16: −5 · 0.19995… = −0.99976 lies halfway between 1 − 2⁻¹¹ and 1 and
     * rounds to the even −1; 3 · 0.19995… = 0.599853515625 is 1228.5 ulps of 2⁻¹¹ and rounds to
     * 1228 ulps, 0.599609375; 10 · 0.19995… = 2 − 2⁻¹¹ rounds to 2. [0, 1, 2, 3]: the same scale,
     * zero −0, codes 0, 5, 10, 15, decoded 0, 1, 2, 3 (each product again a tie to the even FP16).
     * Packed (4bit_u8 on the 2 × 4 view): row 0 in the high nibbles, row 1 in the low: 0x00, 0x85,
     * 0xFA, 0xFF.
     */
    @Test
    void minMaxInitialisationByHand() {
        HqqTensor q = HqqQuantizer.quantize(new float[] {-1f, 0.5f, 2f, 2f, 0f, 1f, 2f, 3f},
                new HqqConfig(4, 4, 1, false, false, false, false));
        assertThat(q.codes()).containsExactly(0, 8, 15, 15, 0, 5, 10, 15);
        assertThat(q.scale()).containsExactly(0.199951171875f, 0.199951171875f);
        assertThat(Float.floatToFloat16(q.scale()[0])).isEqualTo((short) 0x3266);
        // −min · scale with min = 0 is −0.0, as in PyTorch (the sign does not change any code).
        assertThat(q.zero()).containsExactly(5f, -0f);
        assertThat(q.dequantized()).containsExactly(-1f, 0.599609375f, 2f, 2f, 0f, 1f, 2f, 3f);
        assertThat(q.packed()).containsExactly(0x00, 0x85, 0xFA, 0xFF);
        assertThat(q.steps()).isZero();
    }

    /** A constant group: |max − min| ≤ 1e-4 takes the inverse scale 1, zero −min, and decodes exactly. */
    @Test
    void aConstantGroupDecodesExactly() {
        float[] w = {3f, 3f, -2f, -2f, 0.5f, 0.5f, 7f, 7f};
        HqqTensor q = HqqQuantizer.quantize(w, new HqqConfig(2, 2, 1, false, false, false, false));
        assertThat(q.scale()).containsExactly(1f, 1f, 1f, 1f);
        assertThat(q.zero()).containsExactly(-3f, 2f, -0.5f, -7f);
        assertThat(q.codes()).containsOnly(0);
        assertThat(q.dequantized()).containsExactly(w);
    }

    /** The proximal solver only goes on while the mean |W − Ŵ| falls, and ends below min-max's. */
    @Test
    void theOptimizedZeroLowersTheErrorOfMinMax() {
        HqqConfig config = HqqConfig.base(4, 64);
        HqqTensor optimized = HqqQuantizer.quantize(W.data(), config);
        HqqTensor minMax = HqqQuantizer.quantize(W.data(), config.withoutOptimizer());
        assertThat(optimized.steps()).isBetween(3, 20);
        double[] e = optimized.errors();
        for (int i = 1; i < e.length - 1; i++) {
            assertThat(e[i]).isLessThan(e[i - 1]);
        }
        double hqq = meanAbsError(W.data(), optimized.dequantized());
        double rtn = meanAbsError(W.data(), minMax.dequantized());
        assertThat(hqq).isLessThan(rtn * 0.97);
        // The zeros move off the rounded integers round_zero gave them.
        assertThat(optimized.zero()).isNotEqualTo(minMax.zero());
    }

    @Test
    void fourBitGroup64StoresFourAndAHalfBitsAndIsDeterministic() {
        HqqTensor a = HqqQuantizer.quantize(W.data(), HqqConfig.base(4, 64));
        HqqTensor b = HqqQuantizer.quantize(W.data(), HqqConfig.base(4, 64));
        // 4-bit codes (two per byte) and an FP16 scale and zero per 64 values: 4 + 32 / 64.
        assertThat(a.bitsPerValue()).isEqualTo(4.5);
        assertThat(a.packed()).hasSize(W.size() / 2);
        assertThat(a.packed()).isEqualTo(b.packed());
        assertThat(a.dequantized()).isEqualTo(b.dequantized());
        assertThat(a.zero()).isEqualTo(b.zero());
    }

    /** What HQQ's BitPack stores per code: 3 bits in int32 words of ten, 5 and 6 bits a whole byte. */
    @Test
    void bitsPerWeightFollowTheBitPack() {
        // 3 bits: 256 groups of 64 → 26 rows of int32 words (ten rows each, padded) → 26 · 64 · 32 bits.
        assertThat(HqqQuantizer.quantize(W.data(), HqqConfig.base(3, 64)).bitsPerValue()).isEqualTo(53248.0 / W.size() + 0.5);
        assertThat(HqqQuantizer.quantize(W.data(), HqqConfig.base(6, 64)).bitsPerValue()).isEqualTo(8.5);
        assertThat(HqqQuantizer.quantize(W.data(), HqqConfig.base(2, 64)).bitsPerValue()).isEqualTo(2.5);
        assertThat(HqqQuantizer.quantize(W.data(), HqqConfig.base(1, 64)).bitsPerValue()).isEqualTo(1.5);
    }

    /** quant_zero and quant_scale: 8 bits per zero and scale, plus FP16 meta scales and zeros. */
    @Test
    void metaQuantizedZeroAndScale() {
        FloatMatrix w = TensorGenerator.generate(TensorSpec.gaussian(256, 256, 5));
        HqqConfig config = HqqConfig.base(4, 64).withMetaQuantization();
        HqqTensor q = HqqQuantizer.quantize(w.data(), config);
        int groups = w.size() / 64;
        long expected = 4L * w.size() + (8L * groups + 32) + (8L * groups + 32L * (groups / 128));
        assertThat(q.storedBits()).isEqualTo(expected);
        HqqTensor plain = HqqQuantizer.quantize(w.data(), HqqConfig.base(4, 64));
        assertThat(q.codes()).isEqualTo(plain.codes());
        // 8-bit zeros are close to the FP16 ones: a step is (max − min) / 255 of the zeros' range.
        for (int g = 0; g < groups; g++) {
            assertThat(Math.abs(q.zero()[g] - plain.zero()[g])).isLessThan(0.05f);
            assertThat(Math.abs(q.scale()[g] / plain.scale()[g] - 1)).isLessThan(0.05f);
        }
        assertThat(meanAbsError(w.data(), q.dequantized())).isLessThan(1.05 * meanAbsError(w.data(), plain.dequantized()));
        assertThatThrownBy(() -> HqqQuantizer.quantize(W.data(), new HqqConfig(4, 256, 1, true, true, true, true)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("multiple of 128");
    }

    @Test
    void axisZeroGroupsAreStridedAndUnpackToTheCodes() {
        HqqConfig config = new HqqConfig(4, 64, 0, true, true, false, false);
        HqqTensor q = HqqQuantizer.quantize(W.data(), config);
        HqqLayout layout = new HqqLayout(W.size(), 64, 0);
        assertThat(layout.index(1, 1)).isEqualTo(1 + W.size() / 64);
        assertThat(HqqBitPack.unpack(q.packed(), layout.packRows(), W.size() / layout.packRows(), 4)).isEqualTo(q.codes());
        assertThat(q.bitsPerValue()).isEqualTo(4.5);
        assertThat(meanAbsError(W.data(), q.dequantized())).isLessThan(0.1);
    }

    @Test
    void refusesWhatHqqRefuses() {
        assertThatThrownBy(() -> HqqConfig.base(7, 64)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> HqqQuantizer.quantize(new float[100], HqqConfig.base(4, 64)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("multiple of the group size");
        // 4 bits pack two slices of rows: one group of 64 is a single row.
        assertThatThrownBy(() -> HqqQuantizer.quantize(new float[64], HqqConfig.base(4, 64)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2 equal slices");
    }
}
