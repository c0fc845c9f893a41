package app.bytewise.oracle.llamacpp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real llama-quantize as a test oracle for GGUF mixes: {@link #types} runs
 * {@code llama_model_quantize} with {@code dry_run} on a GGUF (a sparse header file is enough; no
 * tensor data is read) in a child JVM and returns the type it chose for each tensor, read from its
 * per-tensor log lines ({@code [   1/ 291] token_embd.weight - [ 4096, 128256, 1, 1], type = f16,
 * size = … MiB -> … MiB (q6_K)}; a tensor kept as it is logs only its size).
 */
final class LlamaCppQuantizeOracle {

    private static final Pattern TENSOR = Pattern.compile(
            "^\\[\\s*\\d+/\\s*\\d+\\]\\s+(\\S+)\\s+- \\[[^]]*\\], type =\\s+(\\S+), .*?size =.*?(?:\\(([a-z0-9_A-Z]+)\\))?$");

    private final Path libraryDirectory;

    LlamaCppQuantizeOracle(Path libraryDirectory) {
        this.libraryDirectory = libraryDirectory;
    }

    static LlamaCppQuantizeOracle fromEnvironment() {
        return new LlamaCppQuantizeOracle(LlamaCppAvailable.libraryDirectory()
                .orElseThrow(() -> new IllegalStateException(LlamaCppAvailable.HOW_TO_INSTALL)));
    }

    /** Tensor name to the ggml type name llama-quantize gives it (e.g. {@code q4_K}), in file order. */
    Map<String, String> types(Path gguf, int ftype, boolean imatrix) {
        List<String> out = run(gguf, ftype, imatrix);
        Map<String, String> types = new LinkedHashMap<>();
        for (String line : out) {
            if (!line.startsWith("log ")) {
                continue;
            }
            String text = line.substring(line.indexOf(' ', 4) + 1);
            Matcher m = TENSOR.matcher(text);
            if (m.find()) {
                types.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2));
            }
        }
        if (!out.contains("result 0") || types.isEmpty()) {
            throw new IllegalStateException("llama-quantize did not finish: " + String.join("\n",
                    out.subList(Math.max(0, out.size() - 15), out.size())));
        }
        return types;
    }

    private List<String> run(Path gguf, int ftype, boolean imatrix) {
        Path stdout = null;
        try {
            stdout = Files.createTempFile("llamacpp-quantize", ".out");
            Path target = Files.createTempFile("llamacpp-quantize", ".gguf");
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "--enable-native-access=ALL-UNNAMED",
                    "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", LlamaQuantizeProbe.class.getName(),
                    libraryDirectory.toString(), gguf.toAbsolutePath().toString(), target.toString(), String.valueOf(ftype),
                    imatrix ? "imatrix" : "none");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("GGML_NO_BACKTRACE", "1");
            Process child = builder.start();
            if (!child.waitFor(LlamaCppOracle.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(target);
            return new ArrayList<>(Files.readAllLines(stdout, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            try {
                if (stdout != null) {
                    Files.deleteIfExists(stdout);
                }
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
