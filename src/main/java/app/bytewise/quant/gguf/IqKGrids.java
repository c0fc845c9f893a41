package app.bytewise.quant.gguf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * ggml's packed lattice points for the IQ formats, read from {@code iq-kgrids.txt} (written from the
 * pinned ggml's {@code ggml-quants.c} by {@code scripts/oracles/iq-grids.sh}). Each entry packs one
 * point: 8 coordinates of 2 bits for IQ1 and IQ2, 4 coordinates of 3 bits for IQ3.
 */
final class IqKGrids {

    private static final String RESOURCE = "iq-kgrids.txt";

    private IqKGrids() {
    }

    /** The table {@code name} ({@code kgrid_2bit_256}, {@code kgrid_1bit_2048}, {@code kgrid_512} …). */
    static int[] table(String name) {
        try (InputStream in = IqKGrids.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = reader.readLine()) != null; ) {
                String[] head = line.split(" ");
                if (head.length == 2 && head[0].equals(name)) {
                    return read(reader, Integer.parseInt(head[1]));
                }
            }
            throw new IllegalStateException(RESOURCE + " has no table " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] read(BufferedReader reader, int n) throws IOException {
        int[] values = new int[n];
        int i = 0;
        while (i < n) {
            String line = reader.readLine();
            if (line == null) {
                throw new IllegalStateException(RESOURCE + ": table ends after " + i + " of " + n + " values");
            }
            for (String v : line.trim().split(" +")) {
                values[i++] = Integer.parseInt(v);
            }
        }
        return values;
    }
}
