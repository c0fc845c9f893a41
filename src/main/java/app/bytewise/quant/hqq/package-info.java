/**
 * HQQ, Half-Quadratic Quantization (Badri and Shaji 2023; mobiusml/hqq, read at commit e0b1d00):
 * asymmetric min-max group quantization whose zero points are refined by a calibration-free
 * proximal solver of ‖W − Ŵ‖_p with p = 0.7 ({@code hqq/core/optimize.py},
 * {@code optimize_weights_proximal_legacy}, the default {@code optimize_weights_proximal}), the
 * codes packed as {@code hqq/core/bitpack.py} does it and, optionally, the zeros and scales
 * themselves quantized to 8 bits ({@code quant_zero} / {@code quant_scale} of
 * {@code BaseQuantizeConfig}).
 *
 * <p>Layout: HQQ reshapes the tensor's flat row-major values, {@code W.reshape([-1, group_size])}
 * for {@code axis=1} and {@code W.reshape([group_size, -1])} for {@code axis=0}. With the lab's
 * rows × cols layout (a row is an output channel, as in {@code nn.Linear.weight}), axis 1 makes each
 * group {@code group_size} consecutive values of a row (when cols is a multiple of it), the layout
 * of {@code BaseQuantizeConfig(axis=1)}; axis 0 makes group g the values at flat indices g, g + G,
 * g + 2G, … (G = size / group_size).
 */
package app.bytewise.quant.hqq;
