package app.bytewise.engine.training.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.training.framework.DeepSpeedEstimator.Row;
import app.bytewise.engine.training.framework.DeepSpeedEstimator.Setup;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Against the tables DeepSpeed prints in its documentation, {@code docs/code-docs/source/memory.rst}
 * (commit edaa722): t5-3b, 2851M parameters, 32M in the largest layer, one node of 8 GPUs.
 */
class DeepSpeedEstimatorTest {

    private static final Setup ONE_NODE_OF_8 = Setup.of(8, 1);

    @Test
    void zero3TableOfT5ThreeBillionReproducesEveryPrintedRow() {
        List<String> printed = DeepSpeedEstimator.zero3(2_851_000_000L, 32_000_000L, ONE_NODE_OF_8).stream()
                .map(Row::printed).toList();
        assertThat(printed).containsExactly(
                "   71.69GB |   0.12GB | offload_param=cpu , offload_optimizer=cpu , zero_init=1",
                "  127.45GB |   0.12GB | offload_param=cpu , offload_optimizer=cpu , zero_init=0",
                "   63.72GB |   0.78GB | offload_param=none, offload_optimizer=cpu , zero_init=1",
                "  127.45GB |   0.78GB | offload_param=none, offload_optimizer=cpu , zero_init=0",
                "    1.43GB |   6.09GB | offload_param=none, offload_optimizer=none, zero_init=1",
                "  127.45GB |   6.09GB | offload_param=none, offload_optimizer=none, zero_init=0");
    }

    @Test
    void zero3InBytesIsTheLargestLayerGatheredPlusTheShardedStates() {
        Row none = DeepSpeedEstimator.zero3(2_851_000_000L, 32_000_000L, ONE_NODE_OF_8).get(4);
        // 4 × 32M gathered + int(18 × 2851M / 8)
        assertThat(none.gpuBytes()).isEqualTo(128_000_000L + 6_414_750_000L);
        assertThat(none.cpuBytes()).isEqualTo(1_536_000_000L);
    }

    @Test
    void zero2TableMatchesTheDocumentedOffloadRowAndTheCurrentCodeWithout() {
        List<Row> rows = DeepSpeedEstimator.zero2(2_851_000_000L, ONE_NODE_OF_8);
        assertThat(rows.get(0).printed()).isEqualTo("  127.45GB |   5.31GB | offload_optimizer=cpu ");
        // The documentation prints 15.93GB here: 4Ψ + 16Ψ/N, the formula before DeepSpeed PR #5099.
        assertThat(rows.get(1).printed()).isEqualTo("  127.45GB |  11.28GB | offload_optimizer=none");
        assertThat(rows.get(1).gpuBytes()).isEqualTo(5_702_000_000L + 6_414_750_000L);
        long before5099 = 4 * 2_851_000_000L + 16 * 2_851_000_000L / 8;
        assertThat(String.format(java.util.Locale.ROOT, "%.2f", before5099 / (double) (1L << 30))).isEqualTo("15.93");
    }

    @Test
    void theDocumentedT5LargeCasesInMebibytes() {
        // memory.rst: "total params: 737.67M, largest layer params: 32.90M", 4 GPUs:
        // case1 3291MB, case2 125MB, case3 477MB (bytes >> 20).
        List<Row> rows = DeepSpeedEstimator.zero3(737_668_096L, 32_899_072L, Setup.of(4, 1));
        assertThat(rows.get(4).gpuBytes() >> 20).isEqualTo(3291);
        assertThat(rows.get(0).gpuBytes() >> 20).isEqualTo(125);
        assertThat(rows.get(2).gpuBytes() >> 20).isEqualTo(477);
    }

    @Test
    void moreNodesShareTheOffloadedStatesOfEachNode() {
        Row two = DeepSpeedEstimator.zero3(2_851_000_000L, 32_000_000L, Setup.of(8, 2)).get(0);
        Row one = DeepSpeedEstimator.zero3(2_851_000_000L, 32_000_000L, ONE_NODE_OF_8).get(0);
        assertThat(two.cpuBytes()).isEqualTo(one.cpuBytes() / 2);
    }

    @Test
    void refusesWhatItCannotCountExactly() {
        assertThatThrownBy(() -> DeepSpeedEstimator.zero3(1_000, 2_000, ONE_NODE_OF_8))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("largest layer");
        assertThatThrownBy(() -> DeepSpeedEstimator.zero2(DeepSpeedEstimator.MAX_PARAMETERS + 1, ONE_NODE_OF_8))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Setup.of(0, 1)).isInstanceOf(InvalidInputException.class);
    }
}
