package app.bytewise.quant.method;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.quant.tensor.FloatMatrix;
import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorSpec;
import org.junit.jupiter.api.Test;

/** AutoAWQ's WQLinear_GEMM packing (awq/modules/linear/gemm.py, awq/utils/packing_utils.py). */
class AwqGemmPackingTest {

    /**
     * Eight output channels, one input feature, codes 0 … 7 (channel o has code o), zero 8, scale 1.
     * from_linear puts channel AWQ_ORDER[k] in nibble k: nibbles 0 … 7 hold 0, 2, 4, 6, 1, 3, 5, 7,
     * so reading the word from nibble 7 down to nibble 0 gives 0x75316420, little-endian bytes
     * 20 64 31 75. The zeros, all 8, give 0x88888888, and FP16 1.0 is 0x3C00 (bytes 00 3C).
     */
    @Test
    void eightKnownCodesMakeOneKnownWord() {
        int[] codes = {0, 1, 2, 3, 4, 5, 6, 7};
        int[] zeros = {8, 8, 8, 8, 8, 8, 8, 8};
        float[] scales = {1, 1, 1, 1, 1, 1, 1, 1};
        AwqGemmPacking packed = AwqGemmPacking.pack(new GroupCodes(8, 1, 1, codes, zeros, scales));
        assertThat(packed.qweight()).containsExactly(0x75316420);
        assertThat(packed.qzeros()).containsExactly(0x88888888);
        byte[] bytes = packed.bytes();
        assertThat(bytes).startsWith(0x20, 0x64, 0x31, 0x75, 0x88, 0x88, 0x88, 0x88, 0x00, 0x3C);
        assertThat(bytes).hasSize(4 + 4 + 16);
        GroupCodes back = AwqGemmPacking.unpack(bytes, 1, 8, 1);
        assertThat(back.codes()).isEqualTo(codes);
        assertThat(back.zeros()).isEqualTo(zeros);
        assertThat(back.scales()).isEqualTo(scales);
    }

    /** Shapes as AutoAWQ's: qweight [in, out/8], qzeros [in/group, out/8], scales [in/group, out]; a round trip. */
    @Test
    void aLayerRoundTripsAndDecodesToRoundToNearest() {
        FloatMatrix w = TensorGenerator.generate(TensorSpec.gaussian(16, 256, 9));
        for (boolean symmetric : new boolean[] {false, true}) {
            IntQuantConfig config = new IntQuantConfig(4, symmetric, Granularity.GROUP, 64);
            GroupCodes codes = GroupCodes.of(w, config);
            assertThat(codes.dequantize().data()).isEqualTo(RoundToNearest.quantize(w, config).dequantized().data());
            AwqGemmPacking packed = AwqGemmPacking.pack(codes);
            assertThat(packed.qweight()).hasSize(256 * 2);
            assertThat(packed.qzeros()).hasSize(4 * 2);
            assertThat(packed.scales()).hasSize(4 * 16);
            assertThat(packed.bytes()).hasSize((int) (RoundToNearest.storedBits(w.size(), 4 * 16,
                    new IntQuantConfig(4, false, Granularity.GROUP, 64)) / 8));
            GroupCodes back = AwqGemmPacking.unpack(packed.bytes(), 256, 16, 64);
            assertThat(back.codes()).isEqualTo(codes.codes());
            assertThat(back.zeros()).isEqualTo(codes.zeros());
            assertThat(back.scales()).isEqualTo(codes.scales());
            assertThat(back.dequantize().data()).isEqualTo(codes.dequantize().data());
        }
    }
}
