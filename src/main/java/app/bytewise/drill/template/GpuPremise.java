package app.bytewise.drill.template;

import app.bytewise.engine.Step;
import app.bytewise.engine.gpu.Gpu;

/**
 * How questions outside this package state a GPU's memory: the label and the driver's total, as
 * {@link UsableMemory} words it for the templates, so multi-step scenarios say it the same way.
 */
public final class GpuPremise {

    private GpuPremise() {
    }

    /** "NVIDIA A10G (AWS) (24 GiB on the label; its driver reports 23,028 MiB)". */
    public static String card(Gpu gpu) {
        return UsableMemory.card(gpu);
    }

    /** The step a fit is decided from: the driver's total (the label when none is known). */
    public static Step usable(Gpu gpu) {
        return UsableMemory.step(gpu);
    }
}
