package app.bytewise.engine.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.InvalidInputException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExpertsTouchedTest {

    /** Exhaustive enumeration of every way B tokens can each pick k of E experts: the exact mean union size. */
    private static double enumerated(int e, int k, int b) {
        java.util.List<Integer> picks = new java.util.ArrayList<>();
        for (int mask = 0; mask < 1 << e; mask++) {
            if (Integer.bitCount(mask) == k) {
                picks.add(mask);
            }
        }
        long total = 0;
        long count = 0;
        int[] idx = new int[b];
        while (true) {
            int union = 0;
            for (int i : idx) {
                union |= picks.get(i);
            }
            total += Integer.bitCount(union);
            count++;
            int j = 0;
            while (j < b && ++idx[j] == picks.size()) {
                idx[j++] = 0;
            }
            if (j == b) {
                return (double) total / count;
            }
        }
    }

    @Test
    void matchesEnumerationOfEveryRouting() {
        for (int[] c : new int[][] {{8, 2, 2}, {8, 2, 3}, {6, 3, 2}, {5, 1, 4}, {4, 2, 3}}) {
            assertThat(new ExpertsTouched(c[0], c[1], c[2]).expected().doubleValue())
                    .as("E=%d k=%d B=%d", c[0], c[1], c[2]).isCloseTo(enumerated(c[0], c[1], c[2]), org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void mixtralFigures() {
        // Mixtral-8x7B, top-2 of 8: 8 × (1 − (6/8)^2) = 3.5 at batch 2, 8 × (1 − 27/64) = 4.625 at batch 3.
        assertThat(new ExpertsTouched(8, 2, 1).expected()).isEqualByComparingTo("2");
        assertThat(new ExpertsTouched(8, 2, 2).expected()).isEqualByComparingTo("3.5");
        assertThat(new ExpertsTouched(8, 2, 3).expected()).isEqualByComparingTo("4.625");
        // At batch 64 all but 8 × 0.75^64 ≈ 1e-7 of an expert are read.
        assertThat(new ExpertsTouched(8, 2, 64).expected()).isEqualByComparingTo(new BigDecimal("8"));
    }

    @Test
    void refusesWhatIsNotARouting() {
        assertThatThrownBy(() -> new ExpertsTouched(8, 9, 2)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ExpertsTouched(8, 2, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ExpertsTouched(8, 2, 5000)).isInstanceOf(InvalidInputException.class);
    }
}
