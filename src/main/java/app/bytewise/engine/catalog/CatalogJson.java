package app.bytewise.engine.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON files shipped on the classpath under {@code catalog/}. */
final class CatalogJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CatalogJson() {
    }

    static JsonNode read(String resource) {
        try (InputStream in = CatalogJson.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing catalog resource " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
