package app.bytewise.engine.format;

import app.bytewise.engine.model.TensorGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code modules_to_not_convert}: which tensors a quantizer leaves alone. transformers'
 * {@code should_convert_module} ({@code integrations/mxfp4.py}) matches each key as a regex at the
 * start of the module name followed by a dot, so gpt-oss's {@code "model.layers.*.self_attn"} covers
 * every layer's attention; other quantizers test whether the key occurs in the name. Here a key is
 * found at a name-component boundary anywhere in the tensor name, its {@code *} standing for any
 * run of characters (no user-given regex is ever compiled, so no key can be made to run long):
 * {@code "lm_head"} and {@code "model.layers.*.self_attn"} match as they do in transformers, and
 * {@code "gate"} matches {@code mlp.gate.weight} but not {@code mlp.gate_proj.weight}.
 */
final class ModuleMatcher {

    private final List<String> keys;

    ModuleMatcher(List<String> keys) {
        this.keys = List.copyOf(keys);
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    boolean matches(String name) {
        for (String key : keys) {
            if (!key.isEmpty() && (key.indexOf('*') < 0 ? literal(key, name) : glob(key, name))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code g} cut into runs of consecutive layers that all match or all do not: a key naming one
     * layer ({@code model.layers.3.mlp}) splits the group around it. A key without digits matches
     * every layer alike, since the names of a group's copies differ only in their indices.
     */
    List<TensorGroup> split(TensorGroup g) {
        boolean perLayer = g.layers() > 1 && keys.stream().anyMatch(k -> k.chars().anyMatch(Character::isDigit));
        if (!perLayer) {
            return List.of(g);
        }
        List<TensorGroup> parts = new ArrayList<>();
        int from = g.first().layer();
        int end = from + g.layers();
        boolean current = matches(g.copy(from, g.first().expert()).name());
        for (int layer = from + 1; layer <= end; layer++) {
            boolean next = layer < end && matches(g.copy(layer, g.first().expert()).name());
            if (layer == end || next != current) {
                parts.add(g.layers(from, layer - from));
                from = layer;
                current = next;
            }
        }
        return parts;
    }

    private static boolean literal(String key, String name) {
        int at = name.indexOf(key);
        while (at >= 0) {
            if (boundary(name, at, at + key.length())) {
                return true;
            }
            at = name.indexOf(key, at + 1);
        }
        return false;
    }

    private static boolean boundary(String name, int start, int end) {
        return (start == 0 || name.charAt(start - 1) == '.') && (end == name.length() || name.charAt(end) == '.');
    }

    /** {@code key} with {@code *} wildcards matching {@code name} from its start up to a component end. */
    private static boolean glob(String key, String name) {
        int n = name.length();
        // reach[j]: key[0..i) can match name[0..j); one row per key character, O(|key|·|name|).
        boolean[] reach = new boolean[n + 1];
        reach[0] = true;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean[] next = new boolean[n + 1];
            if (c == '*') {
                boolean any = false;
                for (int j = 0; j <= n; j++) {
                    any |= reach[j];
                    next[j] = any;
                }
            } else {
                for (int j = 0; j < n; j++) {
                    next[j + 1] = reach[j] && name.charAt(j) == c;
                }
            }
            reach = next;
        }
        for (int j = 1; j <= n; j++) {
            if (reach[j] && (j == n || name.charAt(j) == '.')) {
                return true;
            }
        }
        return false;
    }
}
