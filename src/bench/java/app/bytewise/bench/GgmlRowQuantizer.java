package app.bytewise.bench;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import app.bytewise.engine.checkpoint.GgufTensorType;

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
 * For the IQ types ggml has no {@code _ref} for, {@code quantize_<type>(src, dst, nrow, n_per_row,
 * imatrix)}, with every importance 1 where ggml requires an imatrix (what the Java codecs'
 * plain encode does) and none otherwise. The IQ lattices are set up ({@code ggml_quantize_init})
 * when the quantizer is looked up, outside any timing.
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

    /** One call of ggml's quantizer on {@code n} floats of {@code in} into {@code out}. */
    interface Quantizer {
        void run(MemorySegment in, MemorySegment out, long n);
    }

    /**
     * The quantizer of {@code type} for rows of {@code perRow} values: its _ref function, else
     * quantize_<type>, when ggml exports either.
     */
    Optional<Quantizer> quantizer(String type, long perRow) {
        Linker linker = Linker.nativeLinker();
        MethodHandle init = linker.downcallHandle(symbols.find("ggml_quantize_init").orElseThrow(),
                FunctionDescriptor.ofVoid(JAVA_INT));
        int id = GgufTensorType.valueOf(type).id();
        call(() -> {
            init.invokeExact(id); // a statement, so the call site is typed (int)void
        });
        Optional<MethodHandle> ref = symbols.find(symbol(type)).map(s -> linker.downcallHandle(s, ROW));
        if (ref.isPresent()) {
            MethodHandle f = ref.get();
            return Optional.of((in, out, n) -> call(() -> {
                f.invokeExact(in, out, n);
            }));
        }
        Optional<MemorySegment> chunk = symbols.find("quantize_" + type.toLowerCase(Locale.ROOT));
        if (chunk.isEmpty()) {
            return Optional.empty();
        }
        MethodHandle f = linker.downcallHandle(chunk.get(),
                FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS));
        MethodHandle requires = linker.downcallHandle(symbols.find("ggml_quantize_requires_imatrix").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        boolean uniform = (callInt(() -> (int) requires.invokeExact(id)) & 1) != 0; // a C bool in the low byte
        MemorySegment w = uniform ? ones(perRow) : MemorySegment.NULL;
        return Optional.of((in, out, n) -> call(() -> {
            long written = (long) f.invokeExact(in, out, n / perRow, perRow, w);
        }));
    }

    private MemorySegment ones(long n) {
        MemorySegment w = arena.allocate(JAVA_FLOAT, n);
        for (long i = 0; i < n; i++) {
            w.setAtIndex(JAVA_FLOAT, i, 1f);
        }
        return w;
    }

    private interface NativeCall {
        void run() throws Throwable;
    }

    private interface NativeIntCall {
        int run() throws Throwable;
    }

    private static void call(NativeCall c) {
        try {
            c.run();
        } catch (Throwable t) {
            throw new IllegalStateException("ggml call failed", t);
        }
    }

    private static int callInt(NativeIntCall c) {
        try {
            return c.run();
        } catch (Throwable t) {
            throw new IllegalStateException("ggml call failed", t);
        }
    }

    /** Native memory living as long as this library handle. */
    Arena arena() {
        return arena;
    }

    @Override
    public void close() {
        arena.close();
    }
}
