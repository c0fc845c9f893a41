package app.bytewise.oracle.llamacpp;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a {@code std::map<ggml_backend_buffer_type_t, llama_memory_breakdown_data>} as libstdc++
 * lays it out (bits/stl_tree.h): {@code _Rb_tree_impl} is the empty comparator (one byte, padded
 * to 8), then the header node {@code _Rb_tree_node_base {int _M_color; _Base_ptr _M_parent,
 * _M_left, _M_right;}} whose parent is the root, then {@code size_t _M_node_count}. Each node is a
 * 32-byte node base followed by the value: the pair {key pointer, {@code llama_memory_breakdown_data
 * {size_t model, context, compute}}} (src/llama-ext.h, llama.cpp v0.5.0). Leaves' children are null.
 */
final class StdMap {

    static final long SIZE = 48;
    private static final long ROOT = 16;
    private static final long COUNT = 40;
    private static final long LEFT = 16;
    private static final long RIGHT = 24;
    private static final long VALUE = 32;
    private static final long NODE_SIZE = VALUE + 32;

    private StdMap() {
    }

    /** @param name names a buffer type ({@code ggml_backend_buft_name}) */
    static Map<String, Allocation.Buffer> decode(MemorySegment map, Function<MemorySegment, String> name) {
        long count = map.get(JAVA_LONG, COUNT);
        if (count < 0 || count > 64) {
            throw new IllegalStateException("The std::map claims " + count + " entries; the layout is not libstdc++'s");
        }
        Map<String, Allocation.Buffer> buffers = new LinkedHashMap<>();
        long seen = walk(map.get(ADDRESS, ROOT), name, buffers, 0);
        if (seen != count) {
            throw new IllegalStateException("The std::map has " + seen + " nodes but counts " + count);
        }
        return buffers;
    }

    /** In-order, so entries come in the map's key order (buffer type addresses). */
    private static long walk(MemorySegment node, Function<MemorySegment, String> name,
            Map<String, Allocation.Buffer> out, int depth) {
        if (node.equals(MemorySegment.NULL)) {
            return 0;
        }
        if (depth > 64) {
            throw new IllegalStateException("The std::map is deeper than any red-black tree of 64 entries");
        }
        MemorySegment n = node.reinterpret(NODE_SIZE);
        long seen = walk(n.get(ADDRESS, LEFT), name, out, depth + 1);
        String key = name.apply(n.get(ADDRESS, VALUE));
        Allocation.Buffer buffer = new Allocation.Buffer(n.get(JAVA_LONG, VALUE + 8), n.get(JAVA_LONG, VALUE + 16),
                n.get(JAVA_LONG, VALUE + 24));
        if (out.putIfAbsent(key, buffer) != null) {
            throw new IllegalStateException("Two buffer types are named " + key);
        }
        return seen + 1 + walk(n.get(ADDRESS, RIGHT), name, out, depth + 1);
    }
}
