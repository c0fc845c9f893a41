package app.bytewise;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the reference vectors made with llama.cpp's and bitsandbytes' own code live: the
 * {@code shared} folder beside the checkout, or the folder named by the {@code BYTEWISE_SHARED}
 * environment variable (e.g. for a clone made elsewhere). They are read in place, never copied in.
 */
public final class SharedReference {

    private SharedReference() {
    }

    /** The oracle folder for one library, e.g. {@code oracles("ggml")}; fails clearly when absent. */
    public static Path oracles(String library) {
        String configured = System.getenv("BYTEWISE_SHARED");
        Path root = configured == null || configured.isBlank() ? Path.of("..", "shared") : Path.of(configured);
        Path dir = root.resolve("oracles").resolve(library);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Reference vectors not found at " + dir.toAbsolutePath().normalize()
                    + ": clone beside the shared folder or set BYTEWISE_SHARED to its path.");
        }
        return dir;
    }
}
