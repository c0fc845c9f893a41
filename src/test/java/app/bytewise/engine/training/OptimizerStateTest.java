package app.bytewise.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.TestModels;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.model.TensorRole;
import org.junit.jupiter.api.Test;

/**
 * Optimizer state as the libraries allocate it, tensor by tensor (the state-initialisation code each
 * constant cites: torch/optim/adam.py and sgd.py, bitsandbytes' Optimizer1State/Optimizer2State.init_state at
 * commit 95f9af3, transformers' Adafactor, lucidrains/lion-pytorch).
 */
class OptimizerStateTest {

    private static final Tensor Q_PROJ = Tensor.matrix("q_proj", TensorRole.ATTN_Q, 0, 4096, 4096);
    private static final Tensor NORM = Tensor.vector("norm", TensorRole.NORM, 0, 4096);
    private static final Tensor BIAS = Tensor.vector("bias", TensorRole.NORM, 0, 4095);
    private static final long N = 4096L * 4096;

    @Test
    void lionKeepsOneMomentumAndItsEightBitFormOneAbsmaxPer256() {
        assertThat(Optimizer.LION.stateBytes(Q_PROJ)).isEqualTo(4 * N);
        // uint8 state1 + FP32 absmax1 per block of 256 + the FP32 master copy: 16,777,216 + 262,144 + 67,108,864.
        assertThat(Optimizer.LION_8BIT.stateBytes(Q_PROJ)).isEqualTo(84_148_224L);
        // Under min_8bit_size = 4,096 elements the state is FP32: 4 + the master 4.
        assertThat(Optimizer.LION_8BIT.stateBytes(BIAS)).isEqualTo(8 * 4095L);
        assertThat(Optimizer.LION_8BIT.stateBytes(NORM)).isEqualTo(4 * 4096 + 4096 + 4 * 16);
    }

    @Test
    void sgdWithoutMomentumHasNoStateAndFusedAdamWAStepPerTensor() {
        assertThat(Optimizer.SGD.stateBytes(Q_PROJ)).isZero();
        assertThat(Optimizer.SGD_MOMENTUM.stateBytes(Q_PROJ)).isEqualTo(4 * N);
        assertThat(Optimizer.ADAMW.stateBytes(Q_PROJ)).isEqualTo(8 * N);
        assertThat(Optimizer.ADAMW_FUSED.stateBytes(Q_PROJ)).isEqualTo(8 * N + 4);
    }

    @Test
    void adafactorFactorsMatricesOnly() {
        // exp_avg_sq_row (4,096) + exp_avg_sq_col (4,096), FP32; no exp_avg with the default beta1 = None.
        assertThat(Optimizer.ADAFACTOR.stateBytes(Q_PROJ)).isEqualTo(4 * (4096 + 4096));
        assertThat(Optimizer.ADAFACTOR.stateBytes(NORM)).isEqualTo(4 * 4096);
    }

    @Test
    void wholeModelTotals() {
        Model llama = TestModels.model("llama-2-7b");
        long p = llama.parameters();
        long tensors = llama.tensorGroups().stream().mapToLong(g -> g.copies()).sum();
        // Llama-2-7B has 291 tensors: 32 layers × 9 + embedding, final norm, output head.
        assertThat(tensors).isEqualTo(291);
        assertThat(Optimizer.ADAMW_FUSED.stateBytes(llama.tensorGroups())).isEqualTo(8 * p + 4 * 291);
        assertThat(Optimizer.SGD.stateBytes(llama.tensorGroups())).isZero();
        assertThat(Optimizer.LION.stateBytes(llama.tensorGroups())).isEqualTo(4 * p);
    }

    @Test
    void unknownOptimizerListsTheKnownOnes() {
        assertThatThrownBy(() -> Optimizer.parse("adam")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lion-8bit").hasMessageContaining("adamw-fused");
    }
}
