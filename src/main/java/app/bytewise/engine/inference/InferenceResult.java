package app.bytewise.engine.inference;

import app.bytewise.engine.MemoryEstimate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An inference estimate with what a deployment question asks next.
 *
 * @param minimumGpus fewest GPUs of the chosen kind that hold it (tensor parallel), if any up to 1024 do
 * @param longestContext longest context that fits the chosen GPUs at this batch size
 * @param largestBatch largest batch that fits at this context length
 * @param decodeTokensPerSecond upper bound per sequence: bandwidth / bytes read per generated token
 * @param prefillSeconds lower bound for the prompt: 2 × active params × tokens / dense FLOPS
 */
public record InferenceResult(MemoryEstimate memory, OptionalInt minimumGpus, OptionalLong longestContext,
        OptionalInt largestBatch, Optional<Double> decodeTokensPerSecond, Optional<Double> prefillSeconds) {
}
