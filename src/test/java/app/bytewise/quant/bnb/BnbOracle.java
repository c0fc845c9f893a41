package app.bytewise.quant.bnb;

import app.bytewise.OracleVectors;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads the bitsandbytes reference vectors (float32 bit patterns and bytes in lowercase hex). */
final class BnbOracle {

    private BnbOracle() {
    }

    static JsonNode read(String file) {
        return OracleVectors.read("bnb", file);
    }

    static JsonNode testCase(String file, String name) {
        for (JsonNode c : read(file).get("cases")) {
            if (c.get("name").stringValue().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(file + " has no case " + name);
    }

    static float[] floats(JsonNode hexArray) {
        float[] out = new float[hexArray.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.intBitsToFloat(Integer.parseUnsignedInt(hexArray.get(i).stringValue(), 16));
        }
        return out;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : array) {
            out.add(e.stringValue());
        }
        return out;
    }

    /** Float32 bit patterns as the oracle spells them, so a mismatch shows which element differs. */
    static List<String> hex(float[] values) {
        List<String> out = new ArrayList<>(values.length);
        for (float v : values) {
            out.add(String.format("%08x", Float.floatToRawIntBits(v)));
        }
        return out;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static String hex(float value) {
        return String.format("%08x", Float.floatToRawIntBits(value));
    }
}
