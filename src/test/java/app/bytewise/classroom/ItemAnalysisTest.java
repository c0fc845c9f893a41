package app.bytewise.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ItemAnalysisTest {

    @Test
    void facilityIsTheMeanScoreAndDiscriminationCorrelatesWithTheRestOfTheTest() {
        // Four students, three items. Item 1 is answered by the strong students only.
        List<double[]> scores = List.of(
                new double[] {1, 1, 1},
                new double[] {1, 1, 0},
                new double[] {0, 0, 1},
                new double[] {0, 0, 0});
        List<ItemAnalysis.Indices> items = ItemAnalysis.of(scores);
        assertThat(items.get(0).facility()).isEqualTo(50.0);
        assertThat(items.get(2).facility()).isEqualTo(50.0);
        // Item 1 vs rest (items 2+3 = 2, 1, 1, 0): r = 1 / sqrt(1 × 2) = 0.7071.
        assertThat(items.get(0).discrimination().getAsDouble()).isCloseTo(70.71, within(0.01));
        // Item 3 vs rest (2, 2, 0, 0): cov 0, so no discrimination at all.
        assertThat(items.get(2).discrimination().getAsDouble()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void anItemEveryoneGotRightHasNoDiscriminationIndex() {
        List<ItemAnalysis.Indices> items = ItemAnalysis.of(List.of(new double[] {1, 0}, new double[] {1, 1}));
        assertThat(items.get(0).facility()).isEqualTo(100.0);
        assertThat(items.get(0).discrimination()).isEmpty();
        assertThat(ItemAnalysis.of(List.of(new double[] {1, 0}))).allMatch(i -> i.discrimination().isEmpty());
    }
}
