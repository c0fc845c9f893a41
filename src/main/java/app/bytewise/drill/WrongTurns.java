package app.bytewise.drill;

import static app.bytewise.drill.Misconception.*;

import app.bytewise.engine.Step;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where in a worked solution each mistake is made: a misconception belongs to the step whose
 * quantity it gets wrong (the factor 2 of the KV cache to the {@code kvCache} step, Adam's bytes to
 * {@code optimizer}). Mistakes of reading or converting the final figure (GB vs GiB, picking a
 * needlessly small format) belong to the last step, as does any mistake whose step a solution lacks.
 */
public final class WrongTurns {

    private static final Map<Misconception, Set<String>> STEPS = stepsOfEachMistake();

    private WrongTurns() {
    }

    private static Map<Misconception, Set<String>> stepsOfEachMistake() {
        Map<Misconception, Set<String>> steps = new EnumMap<>(Misconception.class);
        at(steps, Set.of("parameters", "active"), NOMINAL_PARAMETER_COUNT, FORGOT_OUTPUT_HEAD, FORGOT_EMBEDDINGS,
                TIED_HEAD_COUNTED, NON_GATED_MLP, MOE_ALL_EXPERTS, MOE_FRACTION_OF_ALL);
        at(steps, Set.of("weights", "bytes"), WRONG_FORMAT_BYTES, BITS_AS_BYTES, NOMINAL_BITS, GGUF_HALF_BYTE,
                SCALE_PER_WEIGHT);
        at(steps, Set.of("kvCache"), KV_NO_FACTOR_TWO, KV_ATTENTION_HEADS, FORGOT_BATCH, IGNORED_SLIDING_WINDOW,
                IGNORED_PAGE_ROUNDING, PER_LAYER_ONLY);
        at(steps, Set.of("overhead"), FORGOT_OVERHEAD);
        at(steps, Set.of("usable"), LABEL_AS_USABLE);
        at(steps, Set.of("total"), FORGOT_KV_CACHE);
        at(steps, Set.of("optimizer"), ADAM_TEN_BYTES, FORGOT_MASTER_WEIGHTS);
        at(steps, Set.of("gradients"), FORGOT_GRADIENTS);
        at(steps, Set.of("perGpu", "gpus"), WRONG_ZERO_STAGE, ZERO_FIXED_FACTORS, FORGOT_DIVISION);
        at(steps, Set.of("bubbleGpipe", "bubbleMegatron"), WRONG_BUBBLE_DEFINITION, BUBBLE_NO_MINUS_ONE,
                BUBBLE_ONE_MICROBATCH, BUBBLE_SWAPPED, PIPELINE_ONE_MICROBATCH, PIPELINE_ALL_MICROBATCHES);
        at(steps, Set.of("scores"), ATTENTION_ONE_HEAD, FLASH_STORES_SCORES, QUADRATIC_AS_LINEAR);
        at(steps, Set.of("activations"), FORGOT_RECOMPUTE, SQUARED_TERM_MISSING);
        at(steps, Set.of("allreduce"), RING_NO_FACTOR_TWO, BIDIRECTIONAL_BANDWIDTH);
        at(steps, Set.of("ulp"), WRONG_MANTISSA, ULP_OFF_BY_ONE, IGNORED_EXPONENT);
        at(steps, Set.of("scale"), SYMMETRIC_255, INVERTED_SCALE);
        at(steps, Set.of("lora", "loraParameters"), LORA_ONE_MATRIX);
        at(steps, Set.of("prefill", "prefillTime"), FORGOT_TWO_FLOPS);
        at(steps, Set.of("decodeSpeed", "tokens"), ONE_SEQUENCE_ONLY);
        return java.util.Collections.unmodifiableMap(steps);
    }

    private static void at(Map<Misconception, Set<String>> steps, Set<String> keys, Misconception... misconceptions) {
        for (Misconception m : misconceptions) {
            steps.put(m, keys);
        }
    }

    /**
     * Places each misconception at the first step it belongs to.
     *
     * @return step index → the misconceptions made there, in the given order; every misconception
     *     appears exactly once when the solution has at least one step
     */
    public static Map<Integer, List<Misconception>> place(List<Step> steps, Collection<Misconception> misconceptions) {
        Map<Integer, List<Misconception>> placed = new LinkedHashMap<>();
        if (steps.isEmpty()) {
            return placed;
        }
        for (Misconception m : misconceptions) {
            int at = steps.size() - 1;
            Set<String> keys = STEPS.getOrDefault(m, Set.of());
            for (int i = 0; i < steps.size(); i++) {
                if (keys.contains(steps.get(i).key())) {
                    at = i;
                    break;
                }
            }
            placed.computeIfAbsent(at, i -> new ArrayList<>()).add(m);
        }
        return placed;
    }

    /** The step of {@code steps} at which {@code m} is made (the last step when none is named for it). */
    public static java.util.Optional<Step> stepOf(List<Step> steps, Misconception m) {
        return place(steps, List.of(m)).keySet().stream().findFirst().map(steps::get);
    }
}
