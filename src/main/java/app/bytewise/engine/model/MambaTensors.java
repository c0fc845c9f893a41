package app.bytewise.engine.model;

import static app.bytewise.engine.model.TensorRole.*;

import app.bytewise.engine.InvalidInputException;
import java.util.List;

/**
 * The tensors of selective state-space mixers as transformers names them: Mamba-1's {@code MambaMixer}
 * ({@code src/transformers/models/mamba/modeling_mamba.py}, also Jamba's mixer) and Mamba-2's
 * {@code Mamba2Mixer} ({@code src/transformers/models/mamba2/modeling_mamba2.py} @ 4711664). Each
 * method adds one layer's mixer under {@code p} (ending with a dot).
 */
final class MambaTensors {

    private MambaTensors() {
    }

    /** The inner width {@code int(expand × hidden)}, as MambaConfig and Mamba2Mixer compute it. */
    static long innerSize(ModelConfig c, String expandField, long hidden, int defaultExpand) {
        double expand = c.optionalPositiveNumber(expandField, 1024).orElse((double) defaultExpand);
        double inner = Math.floor(expand * hidden);
        if (inner < 1 || inner > ConfigLimit.INTERMEDIATE.max()) {
            throw new InvalidInputException(c.path(expandField), expandField + " × hidden size must be between 1 and "
                    + ConfigLimit.INTERMEDIATE.max() + "; got " + inner + ".");
        }
        return (long) inner;
    }

    /** {@code time_step_rank}/{@code mamba_dt_rank}: given, or {@code "auto"}: ceil(hidden / 16). */
    static int dtRank(ModelConfig c, String field, long hidden) {
        return c.optionalIntOrAuto(ConfigLimit.HIDDEN, field).orElse((int) Math.ceilDiv(hidden, 16));
    }

    /**
     * Mamba-1: {@code in_proj [2·I, H]}, the depthwise {@code conv1d [I, 1, k]}, {@code x_proj [dt_rank + 2·N, I]}
     * (Δ, B and C from each token), {@code dt_proj [I, dt_rank]} with its bias, {@code A_log [I, N]},
     * {@code D [I]}, {@code out_proj [H, I]}.
     */
    static void mamba1(TensorListBuilder.Scope s, String p, long hidden, Attention.Mamba m, int dtRank, boolean projBias,
            boolean convBias) {
        long inner = m.innerSize();
        s.linear(p + "in_proj", MIXER_PROJECTION, 2 * inner, hidden, projBias);
        conv(s, p, m, convBias);
        s.matrix(p + "x_proj.weight", MIXER_PROJECTION, dtRank + 2L * m.stateSize(), inner);
        s.matrix(p + "dt_proj.weight", MIXER_PROJECTION, inner, dtRank);
        s.vector(p + "dt_proj.bias", MIXER_STATE, inner);
        s.tensor(p + "A_log", MIXER_STATE, List.of(inner, (long) m.stateSize()), 1);
        s.vector(p + "D", MIXER_STATE, inner);
        s.linear(p + "out_proj", MIXER_PROJECTION, hidden, inner, projBias);
    }

    /**
     * Mamba-2: one {@code in_proj [I + conv_dim + heads, H]} for the gate, x·B·C and Δ, the convolution over
     * x, B and C ({@code conv_dim = I + 2·groups·N}), one {@code dt_bias}, {@code A_log} and {@code D} per
     * head, the gated RMSNorm {@code norm [I]} when {@code gatedNorm}, {@code out_proj [H, I]}.
     */
    static void mamba2(TensorListBuilder.Scope s, String p, long hidden, Attention.Mamba m, boolean projBias,
            boolean convBias, boolean gatedNorm) {
        long inner = m.innerSize();
        s.linear(p + "in_proj", MIXER_PROJECTION, inner + m.convChannels() + m.heads(), hidden, projBias);
        conv(s, p, m, convBias);
        s.vector(p + "dt_bias", MIXER_STATE, m.heads());
        s.vector(p + "A_log", MIXER_STATE, m.heads());
        s.vector(p + "D", MIXER_STATE, m.heads());
        if (gatedNorm) {
            s.vector(p + "norm.weight", MIXER_STATE, inner);
        }
        s.linear(p + "out_proj", MIXER_PROJECTION, hidden, inner, projBias);
    }

    /** The depthwise causal {@code nn.Conv1d}: weight {@code [channels, 1, kernel]}, bias {@code [channels]}. */
    private static void conv(TensorListBuilder.Scope s, String p, Attention.Mamba m, boolean bias) {
        s.tensor(p + "conv1d.weight", MIXER_STATE, List.of(m.convChannels(), 1L, (long) m.convKernel()), 2);
        if (bias) {
            s.vector(p + "conv1d.bias", MIXER_STATE, m.convChannels());
        }
    }
}
