package app.bytewise.quant.method;

import app.bytewise.quant.tensor.FloatMatrix;

/**
 * The result of quantizing a tensor: what a reader of the stored form gets back, and how many
 * bits the stored form takes (codes, scales, zero points, outlier columns and indices all counted).
 */
public record QuantizedTensor(String method, FloatMatrix dequantized, long storedBits) {

    public double bitsPerValue() {
        return (double) storedBits / dequantized.size();
    }

    public long storedBytes() {
        return Math.ceilDiv(storedBits, 8);
    }
}
