package app.bytewise.engine.training;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.model.TensorGroup;
import app.bytewise.engine.model.TensorRole;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * LoRA adapters (Hu et al. 2021): each targeted {@code [out, in]} weight W gets trainable
 * A ({@code r × in}) and B ({@code out × r}), so {@code r × (in + out)} parameters, while W stays
 * frozen. Targets are module names as PEFT spells them ({@code q_proj}, {@code k_proj},
 * {@code v_proj}, {@code o_proj}, {@code gate_proj}, {@code up_proj}, {@code down_proj}; fused
 * {@code qkv_proj}, {@code gate_up_proj}) or {@code all-linear}.
 */
public record LoraSpec(int rank, Set<TensorRole> targets) {

    public LoraSpec {
        if (rank < 1 || rank > 4096) {
            throw new InvalidInputException("lora.rank", "The LoRA rank must be 1 to 4096.");
        }
        if (targets.isEmpty()) {
            throw new InvalidInputException("lora.targets", "Name at least one target module, e.g. q_proj and v_proj.");
        }
        targets = Set.copyOf(targets);
    }

    public static LoraSpec of(int rank, List<String> modules) {
        EnumSet<TensorRole> roles = EnumSet.noneOf(TensorRole.class);
        for (String module : modules == null ? List.<String>of() : modules) {
            switch (module.strip().toLowerCase(Locale.ROOT)) {
                case "q_proj", "q" -> roles.add(TensorRole.ATTN_Q);
                case "k_proj", "k" -> roles.add(TensorRole.ATTN_K);
                case "v_proj", "v" -> roles.add(TensorRole.ATTN_V);
                case "qkv_proj", "query_key_value", "c_attn" -> roles.add(TensorRole.ATTN_QKV);
                case "o_proj", "o", "dense", "out_proj" -> roles.add(TensorRole.ATTN_OUTPUT);
                case "gate_proj", "gate" -> roles.add(TensorRole.FFN_GATE);
                case "up_proj", "up" -> roles.add(TensorRole.FFN_UP);
                case "gate_up_proj" -> roles.add(TensorRole.FFN_GATE_UP);
                case "down_proj", "down" -> roles.add(TensorRole.FFN_DOWN);
                case "all-linear", "all_linear" -> EnumSet.allOf(TensorRole.class).stream()
                        .filter(TensorRole::isBlockLinear).forEach(roles::add);
                default -> throw new InvalidInputException("lora.targets", "Unknown LoRA target '" + module + "'.");
            }
        }
        return new LoraSpec(rank, roles);
    }

    /** Trainable adapter parameters over every targeted tensor of the model. */
    public long trainableParameters(List<TensorGroup> groups) {
        long sum = 0;
        for (TensorGroup g : groups) {
            Tensor t = g.first();
            if (targets.contains(t.role()) && t.dimensions() == 2) {
                sum = Math.addExact(sum, Math.multiplyExact(rank * (t.rowLength() + t.rows()), g.copies()));
            }
        }
        return sum;
    }
}
