package app.bytewise.engine.gpu;

import java.util.OptionalDouble;

/**
 * A GPU (or Apple chip) as its datasheet describes it.
 *
 * @param memoryGiB the vendor's capacity label; DRAM capacities are binary, so an "80 GB" card
 *     holds 80 GiB (85.9 GB)
 * @param bandwidthGBps memory bandwidth in decimal GB/s, as datasheets state it
 * @param dense16BitTflops FP16/BF16 tensor throughput without sparsity, if published
 * @param source where each number was read
 */
public record Gpu(String id, String name, String vendor, String segment, long memoryGiB, String memoryType,
        double bandwidthGBps, Double dense16BitTflops, boolean fp8, String interconnect, String source, String notes) {

    public long memoryBytes() {
        return Math.multiplyExact(memoryGiB, 1L << 30);
    }

    public double bandwidthBytesPerSecond() {
        return bandwidthGBps * 1e9;
    }

    public OptionalDouble denseFlopsPerSecond() {
        return dense16BitTflops == null ? OptionalDouble.empty() : OptionalDouble.of(dense16BitTflops * 1e12);
    }
}
