package app.bytewise.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.model.Model;
import java.util.OptionalInt;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fewest data-parallel ranks, checked against the ZeRO paper's per-GPU model states (§5, Figure 1). */
class DataParallelFitTest {

    private static final GpuCatalog GPUS = GpuCatalog.load();
    private static final long PSI = 7_500_000_000L;

    /**
     * The paper's figures: baseline 16Ψ, P_os 4Ψ + 12Ψ/N, P_os+g 2Ψ + 14Ψ/N, P_os+g+p 16Ψ/N, each
     * sharded term (16-bit weights, gradients, optimizer states) rounded up to whole bytes on a rank.
     */
    private static IntToLongFunction paper(int stage) {
        return switch (stage) {
            case 0 -> n -> 16 * PSI;
            case 1 -> n -> 4 * PSI + Math.ceilDiv(12 * PSI, n);
            case 2 -> n -> 2 * PSI + Math.ceilDiv(2 * PSI, n) + Math.ceilDiv(12 * PSI, n);
            default -> n -> 2 * Math.ceilDiv(2 * PSI, n) + Math.ceilDiv(12 * PSI, n);
        };
    }

    @ParameterizedTest
    @CsvSource({"0, h100-sxm", "1, h100-sxm", "2, h100-sxm", "3, h100-sxm", "3, rtx-4090", "2, rtx-4090", "3, a10g"})
    void theFewestRanksAreThePapersSmallestPowerOfTwoThatFits(int stage, String gpuId) {
        Gpu gpu = GPUS.find(gpuId).orElseThrow();
        DataParallelFit fit = DataParallelFit.of(TrainingRequest.of(Model.ofParameterCount(PSI), Optimizer.ADAMW_MIXED)
                .withZero(stage, 1).withOverhead(0));
        OptionalInt expected = OptionalInt.empty();
        for (int n = 1; n <= 1024 && (stage > 0 || n == 1); n *= 2) {
            if (paper(stage).applyAsLong(n) <= gpu.usableBytes()) {
                expected = OptionalInt.of(n);
                break;
            }
        }
        assertThat(fit.fewest(gpu).map(DataParallelFit.Ranks::dataParallel).map(OptionalInt::of)
                .orElse(OptionalInt.empty())).isEqualTo(expected);
        fit.perRanks().forEach(r -> assertThat(r.perGpuBytes()).isEqualTo(paper(stage).applyAsLong(r.dataParallel())));
    }

    @org.junit.jupiter.api.Test
    void totalGpusCountTensorAndPipelineRanksToo() {
        DataParallelFit fit = DataParallelFit.of(TrainingRequest.of(Model.ofParameterCount(PSI), Optimizer.ADAMW_MIXED)
                .withZero(3, 1).withParallelism(2, 4, 4, false).withOverhead(0));
        assertThat(fit.perRanks()).hasSize(11);
        assertThat(fit.totalGpus(fit.perRanks().get(3))).isEqualTo(8 * 2 * 4);
    }
}
