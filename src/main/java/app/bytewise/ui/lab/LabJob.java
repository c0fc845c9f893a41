package app.bytewise.ui.lab;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.quant.lab.LabCost;
import app.bytewise.quant.lab.QuantLab;
import app.bytewise.quant.method.ProgressMonitor;
import app.bytewise.quant.tensor.FloatMatrix;
import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorSpec;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * The chosen formats, run one per step on the lab's workers ({@link LabWorkers}), which take turns
 * between clients after every step. The page reads {@link #progress()} while it polls and may
 * {@link #cancel()} at any time; GPTQ checks the flag between tiles of its Hessian and of the
 * factorisation, and between column blocks, AWQ between the α values of its grid, HQQ between its
 * optimizer steps, the other methods (single passes) between choices.
 *
 * <p>A job's work is bounded before it is queued ({@link #tooCostly()}): each side of the tensor is
 * at most 4096 like the API's, each choice at most {@link #MAX_CHOICE_COST} of estimated CPU time
 * (the most a step makes others wait) and the job at most {@link #MAX_JOB_COST}.
 */
final class LabJob implements ProgressMonitor {

    /** The API's ceiling for one request, 300 tokens of 100 ms: the longest a step may hold a worker. */
    static final Duration MAX_CHOICE_COST = Duration.ofSeconds(30);
    /** Enough for the default choices on 4096 × 4096 (about 75 s), not for every choice on it. */
    static final Duration MAX_JOB_COST = Duration.ofMinutes(2);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LabJob.class);

    private final LabTensor tensor;
    private final long inputSeed;
    private final List<LabChoice> choices;
    private final int bins;
    private volatile boolean cancelled;
    private volatile double progress;
    private volatile int current;
    private int next;
    private FloatMatrix weights;
    private FloatMatrix inputs;

    LabJob(LabTensor tensor, long inputSeed, List<LabChoice> choices, int bins) {
        this.tensor = tensor;
        this.inputSeed = inputSeed;
        this.choices = List.copyOf(choices);
        this.bins = bins;
    }

    /** Why this job may not run, if it is larger than the lab allows. */
    Optional<String> tooCostly() {
        int inputRows = TensorSpec.layerInputs(tensor.cols(), inputSeed).rows();
        Duration total = Duration.ZERO;
        for (LabChoice choice : choices) {
            Duration cost = choice.cost(tensor.rows(), tensor.cols(), inputRows);
            if (cost.compareTo(MAX_CHOICE_COST) > 0) {
                return Optional.of(String.format(Locale.ROOT, "%s on %d × %d is estimated at %s of CPU time; one choice "
                        + "may take at most %s. Use a smaller tensor or leave it out.", choice.label(), tensor.rows(),
                        tensor.cols(), LabCost.describe(cost), LabCost.describe(MAX_CHOICE_COST)));
            }
            total = total.plus(cost);
        }
        if (total.compareTo(MAX_JOB_COST) > 0) {
            return Optional.of(String.format(Locale.ROOT, "These %d choices on %d × %d are estimated at %s of CPU time; "
                    + "a run may take at most %s. Choose fewer (GPTQ, AWQ, LLM.int8() and SmoothQuant cost the most) "
                    + "or a smaller tensor.", choices.size(), tensor.rows(), tensor.cols(), LabCost.describe(total),
                    LabCost.describe(MAX_JOB_COST)));
        }
        return Optional.empty();
    }

    /**
     * Runs the next choice and hands its outcome on; a choice that does not apply to this tensor is
     * reported, not fatal. Returns whether choices remain. Steps run one at a time, on any worker.
     */
    synchronized boolean step(Consumer<LabOutcome> onEach) {
        if (cancelled || next >= choices.size()) {
            return false;
        }
        if (weights == null) {
            weights = tensor.values().get();
            inputs = TensorGenerator.generate(TensorSpec.layerInputs(weights.cols(), inputSeed));
        }
        current = next;
        LabChoice choice = choices.get(next++);
        LabOutcome outcome;
        try {
            outcome = LabOutcome.of(choice, QuantLab.run(choice.request(weights, inputs, bins), this));
        } catch (InvalidInputException e) {
            outcome = LabOutcome.failed(choice, e.getMessage());
        } catch (CancellationException e) {
            return false;
        } catch (RuntimeException e) {
            // A bug must not take the page down with it; it is logged, and the user sees which choice failed.
            LOG.error("Lab run of {} failed", choice, e);
            outcome = LabOutcome.failed(choice, "This choice failed unexpectedly on this tensor.");
        }
        onEach.accept(outcome);
        if (next == choices.size()) {
            progress = 1;
            weights = null; // the job object lives on in the page; the tensors need not
            inputs = null;
        }
        return next < choices.size() && !cancelled;
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
