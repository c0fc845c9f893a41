package app.bytewise.oracle.llamacpp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real llama.cpp as a test oracle for memory accounting: {@link #allocate} loads a GGUF file
 * (typically a {@link app.bytewise.engine.checkpoint.GgufWriter} header with a hole for data) and
 * a context in a child JVM running {@link LlamaCppProbe}, and returns what llama.cpp allocated.
 * A child per case, because a {@code GGML_ASSERT} aborts its process; bounded by a timeout.
 *
 * <pre>
 * Allocation a = LlamaCppOracle.fromEnvironment().allocate(gguf, ContextSettings.of(4096).withSeqMax(4));
 * a.buffers().get("CPU").context()   // KV cache bytes, exact
 * </pre>
 */
public final class LlamaCppOracle {

    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Path libraryDirectory;

    public LlamaCppOracle(Path libraryDirectory) {
        this.libraryDirectory = libraryDirectory;
    }

    /** From {@code BYTEWISE_LLAMACPP_LIB}; see {@link LlamaCppAvailable}. */
    public static LlamaCppOracle fromEnvironment() {
        return new LlamaCppOracle(LlamaCppAvailable.libraryDirectory()
                .orElseThrow(() -> new IllegalStateException(LlamaCppAvailable.HOW_TO_INSTALL)));
    }

    public Allocation allocate(Path gguf, ContextSettings settings) {
        Run run = run(gguf, settings.toArgs());
        return checked(parse(run.out, run.err, run.ending));
    }

    /**
     * One process for a grid of contexts on one model: llama.cpp loads it once and opens the contexts
     * one after another, each answered as {@link #allocate} answers it. An abort fails the context it
     * happened in and every later one.
     */
    public List<Allocation> allocateAll(Path gguf, List<ContextSettings> grid) {
        List<String> args = new ArrayList<>();
        for (ContextSettings s : grid) {
            if (!args.isEmpty()) {
                args.add(LlamaCppProbe.NEXT);
            }
            args.addAll(s.toArgs());
        }
        Run run = run(gguf, args);
        List<String> model = new ArrayList<>();
        List<List<String>> contexts = new ArrayList<>();
        List<Boolean> ended = new ArrayList<>();
        for (String line : run.out) {
            if (line.startsWith("context ")) {
                contexts.add(new ArrayList<>(model));
                ended.add(false);
            } else if (line.startsWith("end ")) {
                ended.set(ended.size() - 1, true);
            } else if (contexts.isEmpty() || line.equals("ok")) {
                model.add(line);
            } else {
                contexts.getLast().add(line);
            }
        }
        List<Allocation> answers = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            List<String> lines = i < contexts.size() ? contexts.get(i) : new ArrayList<>(model);
            if (i < contexts.size() && ended.get(i) && lines.stream().noneMatch(l -> l.equals("refused context"))) {
                lines.add("ok");
            }
            answers.add(checked(parse(lines, run.err, run.ending)));
        }
        return answers;
    }

    private record Run(List<String> out, List<String> err, String ending) {
    }

    private Run run(Path gguf, List<String> settings) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "--enable-native-access=ALL-UNNAMED",
                // A short-lived child: small heap, quick start. llama.cpp's memory is native.
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                LlamaCppProbe.class.getName(),
                libraryDirectory.toString(), gguf.toAbsolutePath().toString()));
        command.addAll(settings);
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("llamacpp-probe", ".out");
            stderr = Files.createTempFile("llamacpp-probe", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            // ggml_print_backtrace (ggml/src/ggml.c) would otherwise attach gdb to an aborting child.
            builder.environment().put("GGML_NO_BACKTRACE", "1");
            Process child = builder.start();
            String ending;
            if (child.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                ending = "exit code " + child.exitValue();
            } else {
                child.destroyForcibly().waitFor();
                ending = "killed after " + TIMEOUT.toSeconds() + " s";
            }
            return new Run(Files.readAllLines(stdout, StandardCharsets.UTF_8),
                    Files.readAllLines(stderr, StandardCharsets.UTF_8), ending);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while llama.cpp ran", e);
        } finally {
            delete(stdout);
            delete(stderr);
        }
    }

    private static Allocation checked(Allocation allocation) {
        List<String> disagreements = LogFigures.disagreements(allocation);
        if (!disagreements.isEmpty()) {
            throw new IllegalStateException("The decoded memory breakdown disagrees with llama.cpp's log: "
                    + disagreements);
        }
        return allocation;
    }

    static Allocation parse(List<String> out, List<String> err, String ending) {
        long modelBytes = 0;
        long nParams = 0;
        Map<String, Allocation.Buffer> buffers = new LinkedHashMap<>();
        List<String> log = new ArrayList<>();
        List<String> complaints = new ArrayList<>();
        boolean ok = false;
        String refused = null;
        for (String line : out) {
            String[] f = line.split(" ", 5);
            switch (f[0]) {
                case "log" -> {
                    String text = line.substring(f[0].length() + f[1].length() + 2);
                    log.add(text);
                    if (Integer.parseInt(f[1]) >= 3) {
                        complaints.add(text);
                    }
                }
                case "model_size" -> modelBytes = Long.parseLong(f[1]);
                case "n_params" -> nParams = Long.parseLong(f[1]);
                case "buffer" -> buffers.put(f[4], new Allocation.Buffer(
                        Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])));
                case "refused" -> refused = f[1];
                case "ok" -> ok = true;
                default -> complaints.add(line);
            }
        }
        Optional<String> failure = Optional.empty();
        if (!ok) {
            List<String> why = new ArrayList<>();
            why.add((refused != null ? "llama.cpp refused the " + refused : "llama.cpp did not finish") + " (" + ending + ")");
            why.addAll(complaints);
            why.addAll(err.subList(Math.max(0, err.size() - 20), err.size()));
            failure = Optional.of(String.join("\n", why));
            buffers.clear();
        }
        return new Allocation(modelBytes, nParams, buffers, starting(log, "llama_kv_cache:"),
                starting(log, "llama_memory_recurrent:"), log, failure);
    }

    private static List<String> starting(List<String> log, String prefix) {
        return log.stream().filter(line -> line.startsWith(prefix)).toList();
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
