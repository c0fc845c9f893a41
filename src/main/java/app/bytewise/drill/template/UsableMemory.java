package app.bytewise.drill.template;

import app.bytewise.engine.Step;
import app.bytewise.engine.gpu.Gpu;
import java.util.List;
import java.util.Locale;

/**
 * How a capacity question states a GPU's memory: the label names the card, the driver's reported
 * total decides what fits (as the estimators decide it), so the premise matches the answer.
 */
final class UsableMemory {

    private UsableMemory() {
    }

    /** "24 GiB on the label; its driver reports 23,028 MiB". */
    static String phrase(Gpu gpu) {
        String label = gpu.memoryGiB() + " GiB on the label";
        return gpu.driverTotalBytes() == null ? label + "; no driver total is published, so the label is used"
                : label + "; its driver reports " + mib(gpu);
    }

    /** "one NVIDIA A10G (AWS) (24 GiB on the label; its driver reports 23,028 MiB)". */
    static String card(Gpu gpu) {
        return gpu.name() + " (" + phrase(gpu) + ")";
    }

    /**
     * The reported figure read as decimal units (23,028 MiB taken as 23,028 MB), the binary/decimal
     * mix-up applied to the number the question gives.
     */
    static long decimalMisread(Gpu gpu) {
        return gpu.driverTotalBytes() == null ? gpu.memoryGiB() * 1_000_000_000L
                : (gpu.driverTotalBytes() >> 20) * 1_000_000L;
    }

    /** The step every capacity solution starts from: the figure and where it was read. */
    static Step step(Gpu gpu) {
        String note = gpu.driverTotalBytes() == null
                ? "No printed driver total was found for the " + gpu.name() + "; the label is used."
                : "The driver's total, not the label. Source: " + gpu.driverTotalSource();
        return Step.bytes("usable", "Usable memory", "the total the driver reports (the label when none is known)",
                List.of(Step.Input.of("label", gpu.memoryGiB() + " GiB"),
                        Step.Input.of("driver total", gpu.driverTotalBytes() == null ? "unknown" : mib(gpu))),
                gpu.usableBytes(), note);
    }

    private static String mib(Gpu gpu) {
        return String.format(Locale.ROOT, "%,d MiB", gpu.driverTotalBytes() >> 20);
    }
}
