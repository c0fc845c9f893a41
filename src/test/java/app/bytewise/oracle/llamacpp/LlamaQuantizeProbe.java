package app.bytewise.oracle.llamacpp;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs in a child JVM started by {@link LlamaCppQuantizeOracle}: llama-quantize's dry run of one
 * GGUF to one file type, printing every log line ({@code log LEVEL TEXT}), then
 * {@code result CODE} and {@code ok}. Arguments: the library directory, the GGUF, an output path
 * (not written in a dry run), the {@code llama_ftype} number and {@code imatrix} or {@code none} (whether
 * llama-quantize is told it has an importance matrix).
 */
public final class LlamaQuantizeProbe {

    private LlamaQuantizeProbe() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        LlamaCppLibrary llama = new LlamaCppLibrary(Path.of(args[0]), line -> out.println("log " + line.level() + " "
                + line.text()));
        int result = llama.quantizeDryRun(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]),
                args[4].equals("imatrix"));
        llama.flushLog();
        out.println("result " + result);
        out.println("ok");
    }
}
