package app.bytewise.quant.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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
