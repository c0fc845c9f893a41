package app.bytewise.quant.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatrixParserTest {

    @Test
    void readsCsvAndWhitespace() {
        FloatMatrix m = MatrixParser.csv("1, 2, 3\n4 5 6\n# comment\n");
        assertThat(m.rows()).isEqualTo(2);
        assertThat(m.data()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThatThrownBy(() -> MatrixParser.csv("1,2\n3")).hasMessageContaining("Line 2");
        assertThatThrownBy(() -> MatrixParser.csv("1,x")).hasMessageContaining("'x'");
    }

    /** The bytes numpy.save writes for np.array([[1.0, -2.5], [0.5, 3.0]], dtype=np.float32) (format 1.0). */
    @Test
    void readsNpyFloat32() {
        byte[] file = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }", 4,
                new float[] {1f, -2.5f, 0.5f, 3f});
        FloatMatrix m = MatrixParser.npy(file);
        assertThat(m.rows()).isEqualTo(2);
        assertThat(m.cols()).isEqualTo(2);
        assertThat(m.data()).containsExactly(1f, -2.5f, 0.5f, 3f);
    }

    @Test
    void readsNpyFloat16Vectors() {
        byte[] file = npy("{'descr': '<f2', 'fortran_order': False, 'shape': (3,), }", 2, new float[] {1f, 0.5f, -65504f});
        FloatMatrix m = MatrixParser.npy(file);
        assertThat(m.rows()).isEqualTo(1);
        assertThat(m.data()).containsExactly(1f, 0.5f, -65504f);
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThatThrownBy(() -> MatrixParser.npy("not numpy".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class);
        byte[] doubles = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", 4, new float[] {0, 0});
        assertThatThrownBy(() -> MatrixParser.npy(doubles)).hasMessageContaining("<f8");
    }

    @Test
    void readsFormat2AndBigEndianFloats() {
        String dict = "{'descr': '>f4', 'fortran_order': False, 'shape': (1, 2), }\n";
        ByteBuffer data = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putFloat(1.5f).putFloat(-2f);
        FloatMatrix m = MatrixParser.npy(file(2, 0, dict, data.array()));
        assertThat(m.data()).containsExactly(1.5f, -2f);
    }

    /** Python 2's numpy wrote shapes as (2L, 3L); NumPy still reads those files. */
    @Test
    void readsPython2LongSuffixes() {
        FloatMatrix m = MatrixParser.npy(file(1, 0, "{'descr': '<f2', 'fortran_order': False, 'shape': (2L, 1L)}\n",
                new byte[4]));
        assertThat(m.rows()).isEqualTo(2);
        assertThat(m.cols()).isEqualTo(1);
    }

    /** Each malformed header is refused with what is wrong, before anything is allocated for its shape. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "wrong dtype|{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }|16|dtype '<f8' is not supported; accepted: '<f4', '>f4' (float32), '<f2', '>f2' (float16)",
        "integer dtype|{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }|8|dtype '<i4'",
        "structured dtype|{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }|8|not a dictionary literal",
        "fortran order|{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }|16|Fortran",
        "scalar|{'descr': '<f4', 'fortran_order': False, 'shape': (), }|4|shape () has 0 dimensions",
        "three dimensions|{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2, 2), }|32|has 3 dimensions",
        "empty dimension|{'descr': '<f4', 'fortran_order': False, 'shape': (0, 3), }|0|at least 1",
        "overflowing rows|{'descr': '<f4', 'fortran_order': False, 'shape': (4294967297, 3), }|12|shape (4294967297, 3) is too large: each dimension may be at most 4096",
        "rows beyond a long|{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999999, 1), }|4|at most 4096",
        "long vector|{'descr': '<f4', 'fortran_order': False, 'shape': (4097,), }|16388|shape (4097,) is too large",
        "negative dimension|{'descr': '<f4', 'fortran_order': False, 'shape': (-1, 3), }|12|non-negative integer",
        "data too short|{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }|20|holds 20 bytes; shape (2, 3) of float32 needs exactly 24",
        "data too long|{'descr': '<f2', 'fortran_order': False, 'shape': (2,), }|6|holds 6 bytes; shape (2,) of float16 needs exactly 4",
        "no shape|{'descr': '<f4', 'fortran_order': False, }|4|no 'shape'",
        "unknown key|{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'extra': 1}|4|unexpected key 'extra'",
        "repeated key|{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (1,)}|4|'descr' twice",
        "not a dict|descr=<f4 shape=(1,)|4|expected '{' at character 1",
        "unclosed dict|{'descr': '<f4', 'fortran_order': False, 'shape': (1,)|4|ends in the middle",
        "trailing text|{'descr': '<f4', 'fortran_order': False, 'shape': (1,)} x|4|text after its dictionary",
        "bad boolean|{'descr': '<f4', 'fortran_order': no, 'shape': (1,)}|4|expected True, False"})
    void refusesMalformedHeaders(String name, String dict, int dataBytes, String message) {
        byte[] file = file(1, 0, dict + "\n", new byte[dataBytes]);
        assertThatThrownBy(() -> MatrixParser.npy(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("file"));
    }

    @Test
    void refusesDamagedPreambles() {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }\n";
        assertThatThrownBy(() -> MatrixParser.npy(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1}))
                .hasMessageContaining("preamble");
        assertThatThrownBy(() -> MatrixParser.npy("\u0093NUMPX\u0001\u0000\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessageContaining("magic string");
        assertThatThrownBy(() -> MatrixParser.npy(file(4, 0, dict, new byte[4])))
                .hasMessageContaining("version 4.0 is not supported");
        assertThatThrownBy(() -> MatrixParser.npy(file(1, 1, dict, new byte[4])))
                .hasMessageContaining("version 1.1");
        assertThatThrownBy(() -> MatrixParser.npy(file(1, 0, dict.strip(), new byte[4])))
                .hasMessageContaining("does not end with a newline");

        byte[] truncated = file(1, 0, dict, new byte[4]);
        ByteBuffer.wrap(truncated).order(ByteOrder.LITTLE_ENDIAN).putShort(8, (short) 5000);
        assertThatThrownBy(() -> MatrixParser.npy(truncated)).hasMessageContaining("says 5000 bytes, but only");

        byte[] huge = file(2, 0, dict, new byte[4]);
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(8, -1); // 4,294,967,295 as unsigned
        assertThatThrownBy(() -> MatrixParser.npy(huge)).hasMessageContaining("4,294,967,295")
                .hasMessageContaining("10,000");
    }

    @Test
    void csvSidesAreCappedAt4096() {
        String wide = "1," .repeat(4096) + "1";
        assertThatThrownBy(() -> MatrixParser.csv(wide)).hasMessageContaining("4097 values; a row may have at most 4096");
        String tall = "1\n".repeat(4097);
        assertThatThrownBy(() -> MatrixParser.csv(tall)).hasMessageContaining("More than 4096 rows");
        assertThat(MatrixParser.csv("1\n".repeat(4096)).rows()).isEqualTo(4096);
    }

    /** A file of the given version with {@code header} verbatim (no padding) and {@code data} after it. */
    private static byte[] file(int major, int minor, String header, byte[] data) {
        byte[] text = header.getBytes(StandardCharsets.ISO_8859_1);
        int lengthBytes = major == 1 ? 2 : 4;
        ByteBuffer b = ByteBuffer.allocate(8 + lengthBytes + text.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, (byte) minor});
        if (lengthBytes == 2) {
            b.putShort((short) text.length);
        } else {
            b.putInt(text.length);
        }
        return b.put(text).put(data).array();
    }

    /** Builds a format-1.0 file as numpy does: header padded with spaces and a newline to a multiple of 64. */
    private static byte[] npy(String dict, int width, float[] values) {
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + values.length * width).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (float v : values) {
            if (width == 4) {
                b.putFloat(v);
            } else {
                b.putShort(Float.floatToFloat16(v));
            }
        }
        return b.array();
    }
}
