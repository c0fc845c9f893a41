package app.bytewise.oracle.llamacpp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables {@link OnLlamaCpp} tests when {@code BYTEWISE_LLAMACPP_LIB} names a directory holding
 * libllama. A developer without it skips them; CI ({@code CI=true}) must run them, so there a
 * missing library fails instead, as a missing PostgreSQL does.
 */
public final class LlamaCppAvailable implements ExecutionCondition {

    static final String HOW_TO_INSTALL = "Install the real llama.cpp with scripts/llamacpp.sh and set "
            + LlamaCppLibrary.LIB_VARIABLE + " to the directory it prints last: "
            + "export " + LlamaCppLibrary.LIB_VARIABLE + "=\"$(scripts/llamacpp.sh | tail -1)\"";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Path> dir = libraryDirectory();
        if (dir.isPresent()) {
            return ConditionEvaluationResult.enabled("llama.cpp in " + dir.get());
        }
        String why = problem();
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the llama.cpp oracle tests, but " + why + ". " + HOW_TO_INSTALL);
        }
        return ConditionEvaluationResult.disabled(why + ". " + HOW_TO_INSTALL);
    }

    /** The configured directory when it holds libllama. */
    static Optional<Path> libraryDirectory() {
        String value = System.getenv(LlamaCppLibrary.LIB_VARIABLE);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path dir = Path.of(value);
        return Files.isRegularFile(dir.resolve(LlamaCppLibrary.LLAMA)) ? Optional.of(dir) : Optional.empty();
    }

    private static String problem() {
        String value = System.getenv(LlamaCppLibrary.LIB_VARIABLE);
        return value == null || value.isBlank() ? LlamaCppLibrary.LIB_VARIABLE + " is not set"
                : LlamaCppLibrary.LIB_VARIABLE + "=" + value + " has no " + LlamaCppLibrary.LLAMA;
    }
}
