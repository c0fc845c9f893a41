package app.bytewise.quant.method;

import app.bytewise.engine.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * AutoAWQ's GEMM checkpoint layout for 4-bit weights, as {@code WQLinear_GEMM.from_linear}
 * ({@code awq/modules/linear/gemm.py}, casper-hansen/AutoAWQ at 88e4c76) writes it and
 * {@code unpack_awq} / {@code reverse_awq_order} ({@code awq/utils/packing_utils.py}) read it back:
 *
 * <ul>
 *   <li>{@code qweight} int32 [in, out / 8]: the codes transposed to [in, out] ({@code intweight.t()}),
 *       and word [i, c] holds output channels 8c … 8c + 7 with nibble k (bits 4k … 4k + 3) taken from
 *       channel 8c + {@code AWQ_ORDER[k]}, {@code AWQ_ORDER = [0, 2, 4, 6, 1, 3, 5, 7]};
 *   <li>{@code qzeros} int32 [in / group, out / 8], the zero points packed the same way;
 *   <li>{@code scales} FP16 [in / group, out].
 * </ul>
 *
 * <p>The lab's matrix is rows = out × cols = in (a {@code nn.Linear.weight}), its groups along a
 * row. {@link #bytes} writes qweight, then qzeros, then scales, each little-endian as PyTorch stores
 * them on x86 and in safetensors.
 */
public record AwqGemmPacking(int in, int out, int group, int[] qweight, int[] qzeros, short[] scales) {

    public static final int BITS = 4;
    public static final int PACK = 32 / BITS;
    static final int[] AWQ_ORDER = {0, 2, 4, 6, 1, 3, 5, 7};

    /** Packs {@code codes}' unsigned 4-bit codes; rows (out) must be a multiple of 8, cols (in) of the group. */
    public static AwqGemmPacking pack(GroupCodes codes) {
        int out = codes.rows();
        int in = codes.cols();
        int group = codes.group();
        if (out % PACK != 0 || in % group != 0) {
            throw new InvalidInputException("rows", "AutoAWQ's GEMM layout packs 8 output channels per int32 and whole "
                    + "groups of input features: rows must be a multiple of 8 and cols of the group size.");
        }
        int groups = in / group;
        int words = out / PACK;
        int[] qweight = new int[in * words];
        int[] qzeros = new int[groups * words];
        short[] scales = new short[groups * out];
        for (int i = 0; i < in; i++) {
            for (int c = 0; c < words; c++) {
                int word = 0;
                for (int k = 0; k < PACK; k++) {
                    word |= codes.codes()[(c * PACK + AWQ_ORDER[k]) * in + i] << (BITS * k);
                }
                qweight[i * words + c] = word;
            }
        }
        for (int g = 0; g < groups; g++) {
            for (int c = 0; c < words; c++) {
                int word = 0;
                for (int k = 0; k < PACK; k++) {
                    word |= codes.zeros()[(c * PACK + AWQ_ORDER[k]) * groups + g] << (BITS * k);
                }
                qzeros[g * words + c] = word;
            }
            for (int o = 0; o < out; o++) {
                scales[g * out + o] = Float.floatToFloat16(codes.scales()[o * groups + g]);
            }
        }
        return new AwqGemmPacking(in, out, group, qweight, qzeros, scales);
    }

    /** qweight ‖ qzeros ‖ scales, little-endian. */
    public byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(4 * qweight.length + 4 * qzeros.length + 2 * scales.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int v : qweight) {
            b.putInt(v);
        }
        for (int v : qzeros) {
            b.putInt(v);
        }
        for (short v : scales) {
            b.putShort(v);
        }
        return b.array();
    }

    /** Reads {@link #bytes} back into the lab's out × in codes, zeros and scales. */
    public static GroupCodes unpack(byte[] bytes, int in, int out, int group) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int groups = in / group;
        int words = out / PACK;
        int[] codes = new int[out * in];
        int[] zeros = new int[out * groups];
        float[] scales = new float[out * groups];
        for (int i = 0; i < in; i++) {
            for (int c = 0; c < words; c++) {
                int word = b.getInt();
                for (int k = 0; k < PACK; k++) {
                    codes[(c * PACK + AWQ_ORDER[k]) * in + i] = (word >>> (BITS * k)) & 0xF;
                }
            }
        }
        for (int g = 0; g < groups; g++) {
            for (int c = 0; c < words; c++) {
                int word = b.getInt();
                for (int k = 0; k < PACK; k++) {
                    zeros[(c * PACK + AWQ_ORDER[k]) * groups + g] = (word >>> (BITS * k)) & 0xF;
                }
            }
        }
        for (int g = 0; g < groups; g++) {
            for (int o = 0; o < out; o++) {
                scales[o * groups + g] = Float.float16ToFloat(b.getShort());
            }
        }
        return new GroupCodes(out, in, group, codes, zeros, scales);
    }
}
