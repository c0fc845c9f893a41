package app.bytewise.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A memory estimate for inference or training: exact bytes per component, the total, what one GPU
 * holds, and the steps that produced every number.
 *
 * @param components bytes per component in display order; keys among {@code weights},
 *     {@code kvCache}, {@code activations}, {@code gradients}, {@code optimizer}, {@code overhead}.
 *     For training these are per GPU after sharding.
 * @param fits whether {@code perGpuBytes} fits the chosen GPU, empty when no GPU was chosen
 */
public record MemoryEstimate(String mode, long parameters, long activeParameters, Map<String, Long> components,
        long totalBytes, long perGpuBytes, int gpuCount, Optional<Boolean> fits, List<Step> steps, List<String> notes) {

    public MemoryEstimate {
        components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    public long component(String key) {
        return components.getOrDefault(key, 0L);
    }

    public Step step(String key) {
        return steps.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + key));
    }
}
