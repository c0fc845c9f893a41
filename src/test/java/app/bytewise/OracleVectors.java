package app.bytewise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference vectors made with llama.cpp's and bitsandbytes' own code, read from the test
 * classpath ({@code src/test/resources/oracles/<library>/}; where each file comes from is in
 * {@code PROVENANCE.md} there), so a plain clone tests against them with nothing beside it.
 */
public final class OracleVectors {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private OracleVectors() {
    }

    /** One file, e.g. {@code read("ggml", "q4_k.json")}; fails clearly when it is not there. */
    public static JsonNode read(String library, String file) {
        String name = folder(library) + "/" + file;
        try (InputStream in = OracleVectors.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No reference vectors at classpath:" + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every JSON file of one library, sorted by file name. */
    public static List<JsonNode> all(String library) {
        URL dir = OracleVectors.class.getResource(folder(library));
        if (dir == null) {
            throw new IllegalStateException("No reference vectors at classpath:" + folder(library));
        }
        // The test classpath is a directory (target/test-classes), never a jar.
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                    .map(n -> read(library, n)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String folder(String library) {
        return "/oracles/" + library;
    }
}
