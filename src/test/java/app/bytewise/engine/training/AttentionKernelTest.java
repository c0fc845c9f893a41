package app.bytewise.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.TestModels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The attention core's bytes per implementation, against what PyTorch's autograd saved for each eager
 * variant (src/test/resources/oracles/training/attention-saved-bytes.tsv, made by
 * scripts/oracles/attention-saved-bytes.py).
 */
class AttentionKernelTest {

    @Test
    void eagerCoresKeepWhatPyTorchSaves() throws IOException {
        List<String[]> rows = measured().stream().filter(r -> !r[0].equals("loss-upcast")).toList();
        assertThat(rows).hasSize(9);
        for (String[] row : rows) {
            AttentionKernel kernel = AttentionKernel.parse(row[0]);
            int b = Integer.parseInt(row[1]);
            int a = Integer.parseInt(row[2]);
            long s = Long.parseLong(row[3]);
            assertThat(kernel.coreBytes(s, b, a, 1)).as(String.join(" ", row)).isEqualTo(Long.parseLong(row[5]));
        }
    }

    @Test
    void hfEagerLlamaKeepsSixBytesPerScoreAgainstFlashsLogSumExp() {
        Architecture llama = TestModels.model("meta-llama-3-8b").architecture().orElseThrow();
        long s = 4096;
        // 32 heads × 4096² scores × 6 bytes = 3 GiB per layer; FlashAttention keeps 32 × 4096 × 4 bytes.
        assertThat(AttentionKernel.EAGER_FP32_SOFTMAX.coreBytes(s, 1, llama.attentionHeads(), 1))
                .isEqualTo(3L << 30);
        assertThat(AttentionKernel.FLASH.coreBytes(s, 1, llama.attentionHeads(), 1)).isEqualTo(524_288);
        // Korthikanti's 5·a·s/h term, in bytes per layer, is the eager-dropout core.
        long korthikanti = TrainingActivations.perLayer(llama, s, 1, 1, false, Recompute.NONE, false)
                - TrainingActivations.perLayer(llama, s, 1, 1, false, Recompute.SELECTIVE, false);
        assertThat(korthikanti).isEqualTo(5L * 32 * s * s);
        // Selective recomputation recomputes the core, whatever the kernel.
        assertThat(TrainingActivations.perLayer(llama, s, 1, 1, false, Recompute.SELECTIVE,
                AttentionKernel.EAGER_FP32_SOFTMAX)).isEqualTo(34L * s * 4096);
    }

    /** Hugging Face's upcast loss keeps the FP32 log-softmax, 4 bytes per logit, as PyTorch saved it. */
    @Test
    void upcastLossKeepsFourBytesPerLogitOfItsTen() throws IOException {
        List<String[]> rows = measured().stream().filter(r -> r[0].equals("loss-upcast")).toList();
        assertThat(rows).hasSize(2);
        for (String[] row : rows) {
            long logits = Long.parseLong(row[1]) * Long.parseLong(row[3]) * Long.parseLong(row[4]);
            assertThat(Long.parseLong(row[5])).isEqualTo(4 * logits);
        }
        // At the loss's peak the 16-bit logits (2) and their FP32 copy (4) are live beside it.
        assertThat(LogitsLoss.UPCAST.bytesPerLogit()).isEqualTo(2 + 4 + 4);
        var llama = TestModels.model("meta-llama-3-8b");
        TrainingRequest r = TrainingRequest.of(llama, Optimizer.ADAMW_MIXED)
                .withActivations(8192, 1, Recompute.FULL, true).withLogits(LogitsLoss.UPCAST);
        assertThat(TrainingActivations.outputBytes(llama.architecture().orElseThrow(), r))
                .isEqualTo(4L * 8192 * 4096 + 10L * 8192 * 128_256);
    }

    @Test
    void tensorParallelismSplitsTheHeads() {
        assertThat(AttentionKernel.EAGER_DROPOUT.coreBytes(2048, 2, 32, 8)).isEqualTo(5L * 2048 * 2048 * 2 * 4);
    }

    @Test
    void unknownKernelNamesTheField() {
        assertThatThrownBy(() -> AttentionKernel.parse("sdpa-math")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("eager-fp32-softmax").extracting("field").isEqualTo("attention");
    }

    private static List<String[]> measured() throws IOException {
        try (InputStream in = AttentionKernelTest.class.getResourceAsStream("/oracles/training/attention-saved-bytes.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.startsWith("variant")).map(l -> l.split("\t")).toList();
        }
    }
}
