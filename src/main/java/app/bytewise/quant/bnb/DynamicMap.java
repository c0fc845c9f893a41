package app.bytewise.quant.bnb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * bitsandbytes' signed 8-bit dynamic map ({@code create_dynamic_map(signed=True)}): 256 ascending
 * float32 values in [-0.99296874, 1], with 0 at index 127 and 1 at 255. It codes the centred
 * absmax values in double quantization.
 *
 * <p>The values are loaded from a dump of torch's output, not recomputed: the map comes from
 * float32 {@code torch.linspace}, whose rounding a re-derivation does not reproduce bit for bit.
 */
public final class DynamicMap {

    private static final String RESOURCE = "/quant/bnb-dynamic-map-signed.hex";
    private static final DynamicMap SIGNED = new DynamicMap(load());

    private final float[] values;

    private DynamicMap(float[] values) {
        this.values = values;
    }

    /** The signed map, as {@code quantize_blockwise} uses it when no code is given. */
    public static DynamicMap signed() {
        return SIGNED;
    }

    public float value(int code) {
        return values[code & 0xFF];
    }

    public float[] values() {
        return values.clone();
    }

    /**
     * {@code dQuantize<0>} (kernels.cu): the nearest entry to an already scaled value. A binary
     * search probes odd indices from 127 down to steps of 1 and so ends on an even index; the
     * value is then compared with the float32 midpoints towards the bracketing probes, and a
     * value exactly on a midpoint keeps that even index. NaN gives 0.
     */
    public int encode(float x) {
        int pivot = 127;
        int below = 0; // last probe under x, or index 0 if there was none
        int above = 255; // last probe at or over x, or index 255 if there was none
        for (int step = 64; step > 0; step >>= 1) {
            if (x > values[pivot]) {
                below = pivot;
                pivot += step;
            } else {
                above = pivot;
                pivot -= step;
            }
        }
        float v = values[pivot];
        if (x > v) {
            return x > (values[above] + v) * 0.5f ? above : pivot;
        }
        return x < (values[below] + v) * 0.5f ? below : pivot;
    }

    private static float[] load() {
        float[] values = new float[256];
        int count = 0;
        try (InputStream in = DynamicMap.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (count == values.length) {
                    throw new IllegalStateException(RESOURCE + " has more than 256 values");
                }
                values[count++] = Float.intBitsToFloat(Integer.parseUnsignedInt(line, 16));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (count != values.length) {
            throw new IllegalStateException(RESOURCE + " has " + count + " values, not 256");
        }
        for (int i = 1; i < values.length; i++) {
            if (!(values[i - 1] < values[i])) {
                throw new IllegalStateException(RESOURCE + " is not strictly ascending at " + i);
            }
        }
        return values;
    }
}
