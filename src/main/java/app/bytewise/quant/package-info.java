/**
 * The quantization library: number formats and quantization methods applied for real to small
 * tensors (encode to the stored bits, decode back), with measured error. Pure Java.
 */
package app.bytewise.quant;
