package app.bytewise.quant.method;

import java.util.concurrent.CancellationException;

/** Progress of a long run (GPTQ on a large layer), and the way to cancel it. */
public interface ProgressMonitor {

    ProgressMonitor NONE = new ProgressMonitor() {
        @Override
        public void report(double fraction) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Called with the fraction done, from 0 to 1. */
    void report(double fraction);

    boolean isCancelled();

    default void checkCancelled() {
        if (isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("quantization cancelled");
        }
    }
}
