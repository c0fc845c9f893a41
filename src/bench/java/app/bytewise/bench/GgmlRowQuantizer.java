package app.bytewise.bench;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The pinned ggml's {@code quantize_row_<type>_ref(const float *, void *, int64_t)}
 * (ggml/src/ggml-quants.h) from {@code libggml-base.so}, called through the foreign-function API
 * over buffers allocated once, so a timed call is the C function and one downcall, nothing else.
 */
final class GgmlRowQuantizer implements AutoCloseable {

    static final String BASE = "libggml-base.so";
    private static final FunctionDescriptor ROW = FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, JAVA_LONG);

    private final Arena arena = Arena.ofConfined();
    private final SymbolLookup symbols;

    GgmlRowQuantizer(Path directory) {
        symbols = SymbolLookup.libraryLookup(directory.resolve(BASE), arena);
    }

    /** ggml's symbol for a type name: lower case except the k-quants' capital K. */
    static String symbol(String type) {
        return "quantize_row_" + type.toLowerCase(Locale.ROOT).replace("_k", "_K") + "_ref";
    }

    /** The row quantizer of {@code type}, when ggml exports one. */
    Optional<MethodHandle> quantizer(String type) {
        return symbols.find(symbol(type)).map(s -> Linker.nativeLinker().downcallHandle(s, ROW));
    }

    /** Native memory living as long as this library handle. */
    Arena arena() {
        return arena;
    }

    /** Runs {@code f} on {@code n} floats of {@code in} into {@code out}. */
    static void quantize(MethodHandle f, MemorySegment in, MemorySegment out, long n) {
        try {
            f.invokeExact(in, out, n);
        } catch (Throwable t) {
            throw new IllegalStateException("ggml quantize failed", t);
        }
    }

    @Override
    public void close() {
        arena.close();
    }
}
