package app.bytewise.oracle.llamacpp;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Runs in a child JVM started by {@link LlamaCppOracle}: loads one GGUF file and one context
 * through the real llama.cpp and prints what it allocated, one fact a line, flushed at once so the
 * lines before a {@code GGML_ASSERT} abort survive it:
 *
 * <pre>
 * log LEVEL TEXT                       every log line
 * model_size BYTES / n_params N
 * buffer MODEL CONTEXT COMPUTE NAME    one per buffer type of llama_get_memory_breakdown
 * refused model|context                llama.cpp returned NULL (exit code 2)
 * ok                                   the end
 * </pre>
 *
 * Arguments: the library directory, the GGUF path, then {@link ContextSettings#toArgs()}.
 */
public final class LlamaCppProbe {

    static final int REFUSED = 2;

    private LlamaCppProbe() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Path dir = Path.of(args[0]);
        Path gguf = Path.of(args[1]);
        ContextSettings settings = ContextSettings.fromArgs(Arrays.asList(args).subList(2, args.length));

        LlamaCppLibrary llama = new LlamaCppLibrary(dir, line -> out.println("log " + line.level() + " " + line.text()));
        MemorySegment model = llama.loadModelWithoutData(gguf);
        llama.flushLog();
        if (model.equals(MemorySegment.NULL)) {
            out.println("refused model");
            System.exit(REFUSED);
        }
        out.println("model_size " + llama.modelSize(model));
        out.println("n_params " + llama.modelNParams(model));

        MemorySegment context = llama.initContext(model, settings);
        llama.flushLog();
        if (context.equals(MemorySegment.NULL)) {
            out.println("refused context");
            System.exit(REFUSED);
        }
        llama.memoryBreakdown(context).forEach((name, b) ->
                out.println("buffer " + b.model() + " " + b.context() + " " + b.compute() + " " + name));
        llama.free(context, model);
        llama.flushLog();
        out.println("ok");
    }
}
