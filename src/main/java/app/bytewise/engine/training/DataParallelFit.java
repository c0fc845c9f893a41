package app.bytewise.engine.training;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.gpu.Gpu;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How many data-parallel ranks a training set-up needs on a GPU: the per-GPU memory with 1, 2, 4 …
 * 1,024 ranks, everything else as asked (ZeRO stage, tensor and pipeline parallelism, batch,
 * recomputation), and the fewest of those that fit. Ranks only lower the memory where ZeRO shards
 * something (ZeRO paper, Rajbhandari et al. 2020, §5: stage 1 the optimizer states, 2 the gradients
 * too, 3 the parameters too); at stage 0 every rank holds everything, so no count fits that one rank
 * does not.
 *
 * @param perRanks the per-GPU bytes at each power-of-two rank count tried, ascending
 */
public record DataParallelFit(List<Ranks> perRanks, int tensorParallel, int pipelineParallel) {

    /** Powers of two are what launchers and DeepSpeed's bucket sizes are tuned for. */
    static final int MAX_RANKS = 1024;

    public record Ranks(int dataParallel, long perGpuBytes) {
    }

    public static DataParallelFit of(TrainingRequest r) {
        List<Ranks> tried = new ArrayList<>();
        for (int n = 1; n <= MAX_RANKS; n *= 2) {
            try {
                tried.add(new Ranks(n, TrainingEstimator.estimate(r.withZero(r.zeroStage(), n)).perGpuBytes()));
            } catch (InvalidInputException refused) {
                // A count the set-up cannot use (e.g. fewer ranks than ZeRO-Offload's settings need): skipped.
            }
            if (r.zeroStage() == 0 && !tried.isEmpty()) {
                break; // nothing is sharded: more ranks change nothing per GPU
            }
        }
        return new DataParallelFit(List.copyOf(tried), r.tensorParallel(), r.pipelineParallel());
    }

    /** The fewest data-parallel ranks whose per-GPU memory fits {@code gpu}, if any up to 1,024 do. */
    public Optional<Ranks> fewest(Gpu gpu) {
        return perRanks.stream().filter(r -> gpu.fits(r.perGpuBytes())).findFirst();
    }

    /** All GPUs that count needs: data-parallel ranks × tensor × pipeline. */
    public int totalGpus(Ranks ranks) {
        return ranks.dataParallel() * tensorParallel * pipelineParallel;
    }
}
