package app.bytewise.oracle.llamacpp;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 * Arguments: the library directory, the GGUF path, then {@link ContextSettings#toArgs()}. Several
 * settings, separated by {@value #NEXT}, load the model once and open one context after another,
 * each introduced by {@code context I} and closed by {@code end I}; a refused one does not end the
 * process then, so a grid of contexts costs one process.
 */
public final class LlamaCppProbe {

    static final int REFUSED = 2;
    static final String NEXT = "--";

    private LlamaCppProbe() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Path dir = Path.of(args[0]);
        Path gguf = Path.of(args[1]);
        List<List<String>> groups = new ArrayList<>();
        groups.add(new ArrayList<>());
        for (String arg : Arrays.asList(args).subList(2, args.length)) {
            if (arg.equals(NEXT)) {
                groups.add(new ArrayList<>());
            } else {
                groups.getLast().add(arg);
            }
        }
        boolean several = groups.size() > 1;

        LlamaCppLibrary llama = new LlamaCppLibrary(dir, line -> out.println("log " + line.level() + " " + line.text()));
        MemorySegment model = llama.loadModelWithoutData(gguf);
        llama.flushLog();
        if (model.equals(MemorySegment.NULL)) {
            out.println("refused model");
            System.exit(REFUSED);
        }
        out.println("model_size " + llama.modelSize(model));
        out.println("n_params " + llama.modelNParams(model));

        for (int i = 0; i < groups.size(); i++) {
            if (several) {
                out.println("context " + i);
            }
            MemorySegment context = llama.initContext(model, ContextSettings.fromArgs(groups.get(i)));
            llama.flushLog();
            if (context.equals(MemorySegment.NULL)) {
                out.println("refused context");
                if (!several) {
                    System.exit(REFUSED);
                }
            } else {
                llama.memoryBreakdown(context).forEach((name, b) ->
                        out.println("buffer " + b.model() + " " + b.context() + " " + b.compute() + " " + name));
                llama.free(context, MemorySegment.NULL);
                llama.flushLog();
            }
            if (several) {
                out.println("end " + i);
            }
        }
        llama.free(MemorySegment.NULL, model);
        llama.flushLog();
        out.println("ok");
    }
}
