package app.bytewise.ui.lab;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.quant.lab.QuantLab;
import app.bytewise.quant.method.ProgressMonitor;
import app.bytewise.quant.tensor.FloatMatrix;
import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorSpec;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Runs the chosen formats one after another on a worker thread. The page reads {@link #progress()}
 * while it polls and may {@link #cancel()} at any time; GPTQ checks the flag between tiles of
 * its Hessian and of the factorisation, and between column blocks, the other methods between
 * choices.
 */
final class LabJob implements ProgressMonitor {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LabJob.class);

    private final LabTensor tensor;
    private final long inputSeed;
    private final List<LabChoice> choices;
    private final int bins;
    private volatile boolean cancelled;
    private volatile double progress;
    private volatile int current;

    LabJob(LabTensor tensor, long inputSeed, List<LabChoice> choices, int bins) {
        this.tensor = tensor;
        this.inputSeed = inputSeed;
        this.choices = List.copyOf(choices);
        this.bins = bins;
    }

    /** Runs every choice, handing each outcome on; a choice that does not apply to this tensor is reported, not fatal. */
    void run(Consumer<LabOutcome> onEach) {
        FloatMatrix w = tensor.values().get();
        FloatMatrix inputs = TensorGenerator.generate(TensorSpec.layerInputs(w.cols(), inputSeed));
        for (int i = 0; i < choices.size() && !cancelled; i++) {
            current = i;
            LabChoice choice = choices.get(i);
            LabOutcome outcome;
            try {
                outcome = LabOutcome.of(choice, QuantLab.run(choice.request(w, inputs, bins), this));
            } catch (InvalidInputException e) {
                outcome = LabOutcome.failed(choice, e.getMessage());
            } catch (CancellationException e) {
                break;
            } catch (RuntimeException e) {
                // A bug must not take the page down with it; it is logged, and the user sees which choice failed.
                LOG.error("Lab run of {} failed", choice, e);
                outcome = LabOutcome.failed(choice, "This choice failed unexpectedly on this tensor.");
            }
            onEach.accept(outcome);
        }
        progress = 1;
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void report(double fraction) {
        progress = (current + Math.max(0, Math.min(1, fraction))) / choices.size();
    }

    /** Overall fraction done, 0 to 1. */
    double progress() {
        return Math.max(progress, (double) current / choices.size());
    }

    /** The label of the choice running now, for the progress line. */
    String currentLabel() {
        return choices.get(Math.min(current, choices.size() - 1)).label();
    }
}
