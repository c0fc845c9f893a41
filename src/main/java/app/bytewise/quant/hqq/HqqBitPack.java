package app.bytewise.quant.hqq;

import app.bytewise.engine.InvalidInputException;

/**
 * HQQ's {@code BitPack} ({@code hqq/core/bitpack.py}) on the codes' view of {@code rows} × cols
 * (see {@link HqqLayout#packRows()}), and how {@code Quantizer.bit_to_packing} picks it:
 *
 * <ul>
 *   <li>{@code 8bit_u8} for 8, 6 and 5 bits: one byte per code (6 and 5 bits are not packed yet,
 *       "todo: bitpacking" in HQQ);
 *   <li>{@code 4bit_u8}, {@code 2bit_u8}, {@code 1bit_u8}: the view is cut into 8 / b slices of
 *       rows / (8 / b) rows, and byte [i, c] holds slice 0's code at the top bits, down to the last
 *       slice's at the bottom ({@code (W_q[:step] << 4) | W_q[step:]} for 4 bits), so the rows must
 *       divide evenly (otherwise HQQ's slices do not broadcast);
 *   <li>{@code 3bit_32}: rows padded with zeros to a multiple of 10, ten slices in one int32 word,
 *       slice 0 at bits 27–29 down to slice 9 at bits 0–2; the words are written little-endian.
 * </ul>
 */
public final class HqqBitPack {

    private HqqBitPack() {
    }

    /** HQQ's packing name for {@code nbits}. */
    public static String packing(int nbits) {
        return switch (nbits) {
            case 8, 6, 5 -> "8bit_u8";
            case 3 -> "3bit_32";
            default -> nbits + "bit_u8";
        };
    }

    /** The packed bytes of {@code codes} (flat, row-major in the rows × cols view). */
    public static byte[] pack(int[] codes, int rows, int nbits) {
        int cols = codes.length / rows;
        if (nbits == 3) {
            int step = Math.ceilDiv(rows, 10);
            byte[] out = new byte[4 * step * cols];
            for (int i = 0; i < step; i++) {
                for (int c = 0; c < cols; c++) {
                    int word = 0;
                    for (int k = 0; k < 10; k++) {
                        int row = i + k * step;
                        int q = row < rows ? codes[row * cols + c] : 0;
                        word |= q << (27 - 3 * k);
                    }
                    int at = 4 * (i * cols + c);
                    for (int b = 0; b < 4; b++) {
                        out[at + b] = (byte) (word >>> (8 * b));
                    }
                }
            }
            return out;
        }
        int width = nbits >= 5 ? 8 : nbits;
        int perByte = 8 / width;
        if (rows % perByte != 0) {
            throw new InvalidInputException("groupSize", "HQQ's " + packing(nbits) + " packing splits the " + rows
                    + " rows of its view into " + perByte + " equal slices; " + rows + " is not a multiple of "
                    + perByte + ".");
        }
        int step = rows / perByte;
        byte[] out = new byte[step * cols];
        for (int i = 0; i < step; i++) {
            for (int c = 0; c < cols; c++) {
                int b = 0;
                for (int k = 0; k < perByte; k++) {
                    b |= codes[(i + k * step) * cols + c] << (8 - width * (k + 1));
                }
                out[i * cols + c] = (byte) b;
            }
        }
        return out;
    }

    /** The codes back from {@link #pack} (the 3-bit padding rows dropped, as HQQ's dequantize does). */
    public static int[] unpack(byte[] packed, int rows, int cols, int nbits) {
        int[] codes = new int[rows * cols];
        if (nbits == 3) {
            int step = Math.ceilDiv(rows, 10);
            for (int i = 0; i < step; i++) {
                for (int c = 0; c < cols; c++) {
                    int at = 4 * (i * cols + c);
                    int word = (packed[at] & 0xFF) | (packed[at + 1] & 0xFF) << 8 | (packed[at + 2] & 0xFF) << 16
                            | (packed[at + 3] & 0xFF) << 24;
                    for (int k = 0; k < 10; k++) {
                        int row = i + k * step;
                        if (row < rows) {
                            codes[row * cols + c] = (word >>> (27 - 3 * k)) & 7;
                        }
                    }
                }
            }
            return codes;
        }
        int width = nbits >= 5 ? 8 : nbits;
        int perByte = 8 / width;
        int step = rows / perByte;
        int mask = (1 << width) - 1;
        for (int i = 0; i < step; i++) {
            for (int c = 0; c < cols; c++) {
                int b = packed[i * cols + c] & 0xFF;
                for (int k = 0; k < perByte; k++) {
                    codes[(i + k * step) * cols + c] = (b >>> (8 - width * (k + 1))) & mask;
                }
            }
        }
        return codes;
    }
}
