package app.bytewise.oracle.llamacpp;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Locale;

/**
 * ggml's own row quantizers, called in this process through the foreign-function API: the pinned
 * {@code libggml-base.so} exports {@code quantize_row_<type>_ref(const float *, void *, int64_t)} and
 * {@code dequantize_row_<type>(const void *, float *, int64_t)} (ggml/src/ggml-quants.h) for every
 * block type. They are plain C over caller-owned buffers; callers pass whole blocks only, which is
 * what ggml asserts.
 */
final class GgmlQuantizers implements AutoCloseable {

    static final String BASE = "libggml-base.so";
    private static final Linker LINKER = Linker.nativeLinker();
    private static final FunctionDescriptor ROW = FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, JAVA_LONG);

    private final Arena arena = Arena.ofShared();
    private final SymbolLookup symbols;

    GgmlQuantizers(Path directory) {
        symbols = SymbolLookup.libraryLookup(directory.resolve(BASE), arena);
    }

    static GgmlQuantizers fromEnvironment() {
        return new GgmlQuantizers(LlamaCppAvailable.libraryDirectory()
                .orElseThrow(() -> new IllegalStateException(LlamaCppAvailable.HOW_TO_INSTALL)));
    }

    /** {@code quantize_row_<type>_ref} of {@code x}: the blocks ggml writes. */
    byte[] quantize(String type, float[] x, int bytes) {
        MethodHandle f = handle("quantize_row_" + type.toLowerCase(Locale.ROOT).replace("_k", "_K") + "_ref");
        try (Arena call = Arena.ofConfined()) {
            MemorySegment in = call.allocateFrom(JAVA_FLOAT, x);
            MemorySegment out = call.allocate(bytes, 64);
            f.invokeExact(in, out, (long) x.length);
            return out.toArray(JAVA_BYTE);
        } catch (Throwable t) {
            throw new IllegalStateException("ggml " + type + " quantize failed", t);
        }
    }

    /**
     * {@code ggml_quantize_chunk(type, src, dst, 0, 1, n, NULL)}: one row as llama-quantize writes it
     * without an importance matrix (ggml/src/ggml.c), {@code type} an {@code enum ggml_type} id.
     */
    byte[] quantizeChunk(int type, float[] x, int bytes) {
        return quantizeChunk(type, x, x.length, null, bytes);
    }

    /**
     * {@code ggml_quantize_chunk(type, src, dst, 0, nrows, n_per_row, imatrix)}: rows of
     * {@code nPerRow} values as llama-quantize writes them with the importance matrix {@code imatrix}
     * (one weight per column, or null for none).
     */
    byte[] quantizeChunk(int type, float[] x, int nPerRow, float[] imatrix, int bytes) {
        MethodHandle f = LINKER.downcallHandle(symbols.find("ggml_quantize_chunk").orElseThrow(), FunctionDescriptor.of(
                JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS));
        if (x.length % nPerRow != 0 || (imatrix != null && imatrix.length != nPerRow)) {
            throw new IllegalArgumentException(x.length + " values are not whole rows of " + nPerRow
                    + (imatrix == null ? "" : " with " + imatrix.length + " importances"));
        }
        try (Arena call = Arena.ofConfined()) {
            MemorySegment in = call.allocateFrom(JAVA_FLOAT, x);
            MemorySegment out = call.allocate(bytes, 64);
            MemorySegment weights = imatrix == null ? MemorySegment.NULL : call.allocateFrom(JAVA_FLOAT, imatrix);
            long written = (long) f.invokeExact(type, in, out, 0L, (long) (x.length / nPerRow), (long) nPerRow, weights);
            if (written != bytes) {
                throw new IllegalStateException("ggml wrote " + written + " bytes, expected " + bytes);
            }
            return out.toArray(JAVA_BYTE);
        } catch (Throwable t) {
            throw new IllegalStateException("ggml_quantize_chunk of type " + type + " failed", t);
        }
    }

    /** {@code dequantize_row_<type>}: the floats ggml decodes {@code n} values to. */
    float[] dequantize(String type, byte[] blocks, int n) {
        MethodHandle f = handle("dequantize_row_" + type.toLowerCase(Locale.ROOT).replace("_k", "_K"));
        try (Arena call = Arena.ofConfined()) {
            MemorySegment in = call.allocateFrom(JAVA_BYTE, blocks);
            MemorySegment out = call.allocate(JAVA_FLOAT, n);
            f.invokeExact(in, out, (long) n);
            return out.toArray(JAVA_FLOAT);
        } catch (Throwable t) {
            throw new IllegalStateException("ggml " + type + " dequantize failed", t);
        }
    }

    private MethodHandle handle(String name) {
        MemorySegment symbol = symbols.find(name).orElseThrow(() -> new IllegalStateException(BASE + " has no " + name));
        return LINKER.downcallHandle(symbol, ROW);
    }

    @Override
    public void close() {
        arena.close();
    }
}
