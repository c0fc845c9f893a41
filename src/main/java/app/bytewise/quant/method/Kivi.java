package app.bytewise.quant.method;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.quant.tensor.FloatMatrix;

/**
 * KIVI KV-cache quantization (Liu et al. 2024, §3–4) on one head's cache laid out tokens × channels:
 * keys are quantized per channel over groups of G tokens (key outliers live in fixed channels),
 * values per token over groups of G channels, both asymmetric with an FP16 scale and zero point per
 * group; the most recent R tokens stay in FP16 until they fill a group. Byte counts agree with the
 * engine's {@code KvFormat}.
 */
public final class Kivi {

    public record Config(int bits, int group, int residual) {
        public Config {
            if (bits != 2 && bits != 4 && bits != 8) {
                throw new InvalidInputException("bits", "KIVI stores 2, 4 or 8 bits.");
            }
            if (group < 1 || residual < 0) {
                throw new InvalidInputException("groupSize", "The group must be at least 1 and the residual at least 0.");
            }
        }
    }

    private Kivi() {
    }

    public static QuantizedTensor keys(FloatMatrix cache, Config config) {
        return quantize(cache, config, true);
    }

    public static QuantizedTensor values(FloatMatrix cache, Config config) {
        return quantize(cache, config, false);
    }

    private static QuantizedTensor quantize(FloatMatrix cache, Config c, boolean perChannel) {
        int tokens = cache.rows();
        int channels = cache.cols();
        int quantized = tokens - Math.min(tokens, c.residual());
        float[] in = cache.data();
        float[] out = new float[in.length];
        long groups = 0;
        if (perChannel) {
            for (int start = 0; start < quantized; start += c.group()) {
                int end = Math.min(quantized, start + c.group());
                for (int ch = 0; ch < channels; ch++) {
                    GroupQuantizer q = GroupQuantizer.fit(in, start * channels + ch, end * channels + ch, channels,
                            c.bits(), false);
                    for (int t = start; t < end; t++) {
                        out[t * channels + ch] = q.roundTrip(in[t * channels + ch]);
                    }
                    groups++;
                }
            }
        } else {
            for (int t = 0; t < quantized; t++) {
                for (int start = 0; start < channels; start += c.group()) {
                    int end = Math.min(channels, start + c.group());
                    GroupQuantizer q = GroupQuantizer.fit(in, t * channels + start, t * channels + end, 1, c.bits(), false);
                    for (int i = t * channels + start; i < t * channels + end; i++) {
                        out[i] = q.roundTrip(in[i]);
                    }
                    groups++;
                }
            }
        }
        for (int i = quantized * channels; i < in.length; i++) {
            out[i] = LlmInt8.half(in[i]);
        }
        long bits = (long) quantized * channels * c.bits() + groups * 32 + (long) (tokens - quantized) * channels * 16;
        return new QuantizedTensor("KIVI " + c.bits() + "-bit " + (perChannel ? "keys per channel" : "values per token")
                + ", group " + c.group() + ", residual " + c.residual(), new FloatMatrix(tokens, channels, out), bits);
    }
}
