package app.bytewise.engine.inference;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.Step;
import app.bytewise.engine.Step.Input;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * How many distinct routed experts one MoE layer reads in a decode step of {@code tokens} tokens (one
 * per sequence of the batch), in expectation, when each token picks {@code perToken} of the
 * {@code experts} uniformly and independently of the others.
 *
 * <p>A token misses a given expert with probability C(E−1, k)/C(E, k) = (E − k)/E; B independent tokens
 * all miss it with ((E − k)/E)^B, so by linearity of expectation E·(1 − ((E − k)/E)^B) experts are
 * read. Computed exactly as (E^B − (E − k)^B) / E^(B−1). This is why a batched MoE decode step reads
 * almost all expert weights: memory traffic per step approaches the total, not the active, parameters.
 * Real routers are not uniform (Jiang et al. 2024, "Mixtral of Experts", §5 measure the skew), so this is
 * the uniform baseline, stated as such wherever it is used.
 */
public record ExpertsTouched(int experts, int perToken, int tokens) {

    /** Decimals of {@link #expected()}; the exact value is a fraction with E^(B−1) below. */
    public static final int SCALE = 6;
    static final int MAX_TOKENS = 4096;

    public ExpertsTouched {
        if (experts < 1 || perToken < 1 || perToken > experts) {
            throw new InvalidInputException("experts", "Need 1 ≤ experts per token ≤ experts; got " + perToken + " of "
                    + experts + ".");
        }
        if (tokens < 1 || tokens > MAX_TOKENS) {
            throw new InvalidInputException("tokens", "Tokens per step must be between 1 and " + MAX_TOKENS + "; got "
                    + tokens + ".");
        }
    }

    public BigDecimal expected() {
        BigInteger e = BigInteger.valueOf(experts);
        BigInteger numerator = e.pow(tokens).subtract(BigInteger.valueOf(experts - perToken).pow(tokens));
        return new BigDecimal(numerator).divide(new BigDecimal(e.pow(tokens - 1)), SCALE, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }

    public Step step() {
        return new Step("expertsRead", "Distinct experts read per layer", "E × (1 − ((E − k) / E)^B)",
                List.of(Input.of("E", experts, "experts"), Input.of("k", perToken, "per token"),
                        Input.of("B", tokens, "tokens in the step")),
                expected(), "experts", "Each expert is missed by one token with probability (E − k)/E and by all B "
                        + "tokens with its B-th power (uniform, independent routing).");
    }
}
