package app.bytewise.quant.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.quant.BlockCodec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Edge behaviour the oracle vectors only touch in passing. */
class GgufCodecsEdgeTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void allZeroQ4_0BlockStoresNegativeZeroScaleAndDecodesToNegativeZero() {
        byte[] block = GgufCodecs.Q4_0.codec().encode(new float[32]);
        assertThat(HEX.formatHex(block)).isEqualTo("0080" + "88".repeat(16));
        for (float v : GgufCodecs.Q4_0.codec().decode(block, 32)) {
            assertThat(Float.floatToRawIntBits(v)).isEqualTo(0x80000000);
        }
    }

    @Test
    void allZeroQ5_0BlockSetsEveryHighBit() {
        byte[] block = GgufCodecs.Q5_0.codec().encode(new float[32]);
        assertThat(HEX.formatHex(block)).isEqualTo("0080" + "ffffffff" + "00".repeat(16));
    }

    @Test
    void allZeroQ8_0BlockHasPositiveZeroScale() {
        assertThat(GgufCodecs.Q8_0.codec().encode(new float[32])).containsOnly(0);
    }

    @Test
    void allZeroQ6_KSuperBlockIsAllZeroBytes() {
        assertThat(GgufCodecs.Q6_K.codec().encode(new float[256])).hasSize(210).containsOnly(0);
    }

    @Test
    void q8_0ScaleBeyondHalfRangeIsStoredAsInfinity() {
        float[] x = new float[32];
        x[0] = 1e7f;
        byte[] block = GgufCodecs.Q8_0.codec().encode(x);
        assertThat(Float.float16ToFloat(Bytes.getShort(block, 0))).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(block[2]).isEqualTo((byte) 127);
    }

    @Test
    void largestMagnitudeKeepsTheFirstOfEqualOnesAndIgnoresSignedZeros() {
        assertThat(Blocks.signedMaxAbs(new float[] {0f, -4f, 1f, 4f}, 0, 4)).isEqualTo(-4f);
        assertThat(Blocks.signedMaxAbs(new float[] {9f, 0f, 4f, -4f}, 1, 3)).isEqualTo(4f);
        assertThat(Float.floatToRawIntBits(Blocks.signedMaxAbs(new float[] {-0f, -0f}, 0, 2))).isZero();
        assertThat(Blocks.maxAbs(new float[] {1f, -3f, 2f}, 0, 3)).isEqualTo(3f);
        // ggml never replaces its +0 start with -0.0, so a block of -0.0 encodes like one of +0.0.
        float[] negativeZeros = new float[32];
        java.util.Arrays.fill(negativeZeros, -0f);
        assertThat(GgufCodecs.Q4_0.codec().encode(negativeZeros))
                .isEqualTo(GgufCodecs.Q4_0.codec().encode(new float[32]));
    }

    @Test
    void roundingPrimitivesDifferOnTies() {
        assertThat(Rounding.nearestInt(2.5f)).isEqualTo(2);
        assertThat(Rounding.nearestInt(-2.5f)).isEqualTo(-2);
        assertThat(Rounding.nearestInt(3.5f)).isEqualTo(4);
        assertThat(Rounding.roundHalfAway(2.5f)).isEqualTo(3);
        assertThat(Rounding.roundHalfAway(-2.5f)).isEqualTo(-3);
        assertThat(Rounding.roundHalfAway(0.49999997f)).isZero();
    }

    @ParameterizedTest
    @EnumSource(GgufCodecs.class)
    void rejectsLengthsThatAreNotWholeBlocks(GgufCodecs type) {
        BlockCodec codec = type.codec();
        int bad = codec.blockSize() + 1;
        assertThatThrownBy(() -> codec.encode(new float[bad]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(codec.name())
                .hasMessageContaining(String.valueOf(bad));
        assertThatThrownBy(() -> codec.decode(new byte[2 * codec.bytesPerBlock()], bad))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.decode(new byte[codec.bytesPerBlock() - 1], codec.blockSize()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bytes");
    }

    @ParameterizedTest
    @EnumSource(GgufCodecs.class)
    void emptyRowEncodesToNothing(GgufCodecs type) {
        assertThat(type.codec().encode(new float[0])).isEmpty();
        assertThat(type.codec().decode(new byte[0], 0)).isEmpty();
    }

    @Test
    void registryFindsCodecsByName() {
        assertThat(GgufCodecs.of("q4_k").name()).isEqualTo("Q4_K");
        assertThat(GgufCodecs.of("IQ4_NL")).isInstanceOf(IQ4_NLCodec.class);
        assertThatThrownBy(() -> GgufCodecs.of("Q7_K"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Q7_K");
    }
}
