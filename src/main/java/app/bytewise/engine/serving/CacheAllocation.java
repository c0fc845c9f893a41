package app.bytewise.engine.serving;

/**
 * One cache an engine allocates: {@code layers} layers, each with {@code cells} cells in each of
 * {@code streams} streams (llama.cpp's per-sequence streams; 1 when shared). For attention caches the
 * two parts are keys and values, for recurrent state the convolution (R) and SSM (S) states.
 *
 * @param firstBytes keys (or R) over all layers, cells and streams
 * @param secondBytes values (or S)
 */
public record CacheAllocation(CacheKind kind, int layers, long cells, int streams, String firstType, long firstBytes,
        String secondType, long secondBytes) {

    public long bytes() {
        return Math.addExact(firstBytes, secondBytes);
    }
}
