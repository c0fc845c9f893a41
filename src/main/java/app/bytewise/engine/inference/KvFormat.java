package app.bytewise.engine.inference;

import app.bytewise.engine.InvalidInputException;
import java.util.List;
import java.util.Locale;

/**
 * How the KV cache stores keys and values. {@code fp16}/{@code bf16}/{@code fp8} store every
 * element at that width. {@code int8}, {@code int4} and {@code int2} follow KIVI (Liu et al. 2024,
 * "KIVI: A Tuning-Free Asymmetric 2bit Quantization for KV Cache", §3–4): keys quantized per
 * channel over groups of {@code group} tokens, values per token over groups of {@code group}
 * channels, each group with an FP16 scale and an FP16 zero point, and the most recent
 * {@code residual} tokens kept in FP16 (the paper's defaults: G = 32, R = 128).
 */
public record KvFormat(String id, int bits, int group, int residual) {

    public static final KvFormat FP16 = new KvFormat("fp16", 16, 0, 0);
    public static final KvFormat BF16 = new KvFormat("bf16", 16, 0, 0);
    public static final KvFormat FP8 = new KvFormat("fp8", 8, 0, 0);
    public static final int KIVI_GROUP = 32;
    public static final int KIVI_RESIDUAL = 128;

    public static List<KvFormat> all() {
        return List.of(FP16, BF16, FP8, kivi("int8", 8), kivi("int4", 4), kivi("int2", 2));
    }

    public static KvFormat parse(String id) {
        String key = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return all().stream().filter(f -> f.id.equals(key)).findFirst().orElseThrow(() ->
                new InvalidInputException("kvCache", "Unknown KV-cache format '" + id
                        + "'. Known: fp16, bf16, fp8, int8, int4, int2."));
    }

    private static KvFormat kivi(String id, int bits) {
        return new KvFormat(id, bits, KIVI_GROUP, KIVI_RESIDUAL);
    }

    public boolean isQuantized() {
        return group > 0;
    }

    /**
     * Bytes of one layer's keys and values for one sequence of {@code tokens} tokens, with
     * {@code channels} = KV heads × head dimension.
     */
    public long layerBytes(long tokens, long channels) {
        if (!isQuantized()) {
            return 2 * tokens * channels * bits / 8;
        }
        long fullPrecision = Math.min(tokens, residual);
        long quantized = tokens - fullPrecision;
        long codes = 2 * Math.ceilDiv(quantized * channels * bits, 8);
        long keyGroups = Math.ceilDiv(quantized, group) * channels;     // per channel, over tokens
        long valueGroups = quantized * Math.ceilDiv(channels, group);  // per token, over channels
        long scalesAndZeros = (keyGroups + valueGroups) * 2 * 2;
        return codes + scalesAndZeros + 2 * fullPrecision * channels * 2;
    }

    /** The short name a choice shows: "FP8", "INT4 (KIVI)". */
    public String label() {
        return id.toUpperCase(Locale.ROOT) + (isQuantized() ? " (KIVI)" : "");
    }

    public String describe() {
        return isQuantized()
                ? id.toUpperCase(Locale.ROOT) + " (KIVI-style: group " + group + ", FP16 scale and zero per group, last "
                        + residual + " tokens in FP16)"
                : id.toUpperCase(Locale.ROOT) + " (" + bits / 8 + " byte" + (bits == 8 ? "" : "s") + " per element)";
    }
}
