package app.bytewise.engine.training;

import app.bytewise.engine.InvalidInputException;
import java.util.Locale;

/**
 * DeepSpeed's ZeRO settings that decide its buffers, with its defaults ({@code deepspeed/runtime/zero/config.py}
 * at commit edaa722), in elements as DeepSpeed counts them:
 *
 * @param reduceBucketSize {@code reduce_bucket_size}, 5×10^8: the gradient bucket, one GPU buffer of this many
 *     16-bit elements ({@code setup_buckets} in {@code stage_1_and_2.py}, doubled with {@code overlap_comm},
 *     off by default below stage 3; {@code IPGBucketZ3} in {@code stage3.py}, one buffer)
 * @param prefetchBucketSize {@code stage3_prefetch_bucket_size}, 5×10^7: parameters gathered ahead of use per
 *     fetch ({@code partitioned_param_coordinator.py})
 * @param maxLiveParameters {@code stage3_max_live_parameters}, 10^9: the cap on gathered parameters that prefetching
 *     respects
 * @param paramPersistenceThreshold {@code stage3_param_persistence_threshold}, 10^5: a tensor of at most this many
 *     elements stays gathered on every GPU ({@code mark_persistent_parameters}, {@code parameter_offload.py})
 * @param gpusPerNode GPUs per node, for DeepSpeed's CPU budget per node; 0 for one node holding all the
 *     data-parallel GPUs
 */
public record ZeroSettings(long reduceBucketSize, long prefetchBucketSize, long maxLiveParameters,
        long paramPersistenceThreshold, int gpusPerNode) {

    public static final ZeroSettings DEEPSPEED_DEFAULTS = new ZeroSettings(500_000_000L, 50_000_000L, 1_000_000_000L,
            100_000L, 0);

    /** 10^12 elements, 2 TB of 16-bit buffer: beyond any GPU. */
    static final long MAX_ELEMENTS = 1_000_000_000_000L;

    public ZeroSettings {
        bounded(reduceBucketSize, "deepspeed.reduce_bucket_size");
        bounded(prefetchBucketSize, "deepspeed.stage3_prefetch_bucket_size");
        bounded(maxLiveParameters, "deepspeed.stage3_max_live_parameters");
        bounded(paramPersistenceThreshold, "deepspeed.stage3_param_persistence_threshold");
        if (gpusPerNode < 0 || gpusPerNode > 1024) {
            throw new InvalidInputException("deepspeed.gpus_per_node", "GPUs per node must be 1 to 1,024 (0: one node).");
        }
    }

    private static void bounded(long elements, String field) {
        if (elements < 0 || elements > MAX_ELEMENTS) {
            throw new InvalidInputException(field, String.format(Locale.ROOT, "%s must be 0 to %,d elements.",
                    field.substring(field.indexOf('.') + 1), MAX_ELEMENTS));
        }
    }

    public boolean isDefault() {
        return equals(DEEPSPEED_DEFAULTS);
    }

    /** GPUs per node for {@code dataParallel} ranks, which the nodes must share evenly. */
    int perNode(int dataParallel) {
        if (gpusPerNode == 0) {
            return dataParallel;
        }
        if (dataParallel % gpusPerNode != 0) {
            throw new InvalidInputException("deepspeed.gpus_per_node", String.format(Locale.ROOT,
                    "%,d data-parallel GPUs do not fill nodes of %,d.", dataParallel, gpusPerNode));
        }
        return gpusPerNode;
    }
}
