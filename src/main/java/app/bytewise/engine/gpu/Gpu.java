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
 * @param driverTotalBytes the memory the driver reports with the card's default ECC setting
 *     ({@code nvidia-smi}'s total, rocm-smi's "VRAM Total Memory", Metal's recommended working set),
 *     less than the label: a T4 labelled 16 GB shows 15,360 MiB with ECC on; null when no printed
 *     figure was found
 */
public record Gpu(String id, String name, String vendor, String segment, long memoryGiB, String memoryType,
        double bandwidthGBps, Double dense16BitTflops, boolean fp8, String interconnect, String source, String notes,
        Long driverTotalBytes, String driverTotalSource) {

    /** What a process can be given: the driver's total, or the label where none is known. */
    public long usableBytes() {
        return driverTotalBytes != null ? driverTotalBytes : memoryBytes();
    }

    public boolean fits(long perGpuBytes) {
        return perGpuBytes <= usableBytes();
    }

    /**
     * Whether {@code perGpuBytes} fits, said with both figures: a fit is decided on what the driver
     * reports, never on the label.
     */
    public String fitNote(long perGpuBytes) {
        return String.format(java.util.Locale.ROOT, "%s: %s, so %s usable; this needs %s per GPU: %s.", name,
                memoryText(), app.bytewise.engine.ByteCount.of(usableBytes()).display(),
                app.bytewise.engine.ByteCount.of(perGpuBytes).display(), fits(perGpuBytes) ? "fits" : "does not fit");
    }

    /** "16 GiB label, 15,360 MiB usable" — both, so the gap is never hidden. */
    public String memoryText() {
        String label = memoryGiB + " GiB";
        if (driverTotalBytes == null) {
            return label + " (no driver total published; the label is used)";
        }
        return String.format(java.util.Locale.ROOT, "%s on the label, %,d MiB reported by the driver", label,
                driverTotalBytes >> 20);
    }

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
