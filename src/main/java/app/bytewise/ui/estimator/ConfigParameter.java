package app.bytewise.ui.estimator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A pasted {@code config.json} carried in the URL, so a result for a custom model can be shared:
 * raw DEFLATE, then base64url without padding. A typical config (about 1 KB) becomes about 600
 * characters, well within what browsers and servers accept in a URL.
 */
final class ConfigParameter {

    /** Configs are small; anything decoding to more than this is refused rather than inflated. */
    static final int MAX_CONFIG_CHARS = 64 * 1024;

    private ConfigParameter() {
    }

    static String encode(String json) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** The config text, or empty when the parameter is not one this page wrote. */
    static Optional<String> decode(String parameter) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(Base64.getUrlDecoder().decode(parameter));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return Optional.empty();
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_CONFIG_CHARS * 4) {
                    return Optional.empty();
                }
            }
            return Optional.of(out.toString(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | DataFormatException e) {
            return Optional.empty();
        } finally {
            inflater.end();
        }
    }
}
