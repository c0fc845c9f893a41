package app.bytewise.engine.format;

import static app.bytewise.engine.model.TensorRole.BIAS;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.model.Checkpoint;
import app.bytewise.engine.model.CheckpointPrecision;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.TensorGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code weights: "checkpoint"}: the model as its published checkpoint stores it, in the precision
 * its {@code config.json} declares ({@code torch_dtype}/{@code dtype} and {@code quantization_config}).
 * Only a model read from a config has one; the scheme is resolved from the model each time, so one
 * parsed format serves every model.
 *
 * @param field the request field that chose this format, for errors
 */
public record CheckpointFormat(String field) implements WeightFormat {

    public static final String ID = "checkpoint";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Checkpoint precision";
    }

    /** Unknown until a model says it: see {@link #scheme(Model)} and {@link #checkpoint(Model)}. */
    @Override
    public double nominalBits() {
        throw needsConfig();
    }

    @Override
    public String description() {
        return "The precision the checkpoint itself is stored in, read from the config's torch_dtype and "
                + "quantization_config.";
    }

    @Override
    public long bytesForParameterCount(long parameters) {
        throw needsConfig();
    }

    /** The scheme the model's config declares, refused with its config field when Bytewise cannot lay it out. */
    CheckpointScheme scheme(Model model) {
        Checkpoint described = model.checkpoint().orElseThrow(this::needsConfig);
        return switch (described.precision()) {
            case CheckpointPrecision.Plain p -> new PlainCheckpoint(CheckpointScheme.dtype(p.dtype()));
            case CheckpointPrecision.Fp8Block f -> new Fp8BlockCheckpoint(CheckpointScheme.dtype(f.baseDtype()),
                    f.blockOut(), f.blockIn(), new ModuleMatcher(f.notConverted()));
            case CheckpointPrecision.Mxfp4 m -> new Mxfp4Checkpoint(CheckpointScheme.dtype(m.baseDtype()),
                    new ModuleMatcher(m.notConverted()));
            case CheckpointPrecision.GroupQuant q -> new PackedIntCheckpoint(q.method(), q.bits(), q.group(), q.lmHead(),
                    CheckpointScheme.dtype(q.baseDtype()), new ModuleMatcher(q.notConverted()));
            case CheckpointPrecision.BitsAndBytes b -> new BitsAndBytesCheckpoint(b.bits(), b.quantType(), b.doubleQuant(),
                    CheckpointScheme.dtype(b.storage()), CheckpointScheme.dtype(b.baseDtype()),
                    printedDtype(b.baseDtype()), b.skipListed(), routerIsLinear(model), new ModuleMatcher(b.skip()));
            case CheckpointPrecision.CompressedTensors c -> new CompressedTensorsCheckpoint(c,
                    CheckpointScheme.dtype(c.baseDtype()), routerIsLinear(model), new ModuleMatcher(c.ignore()));
            case CheckpointPrecision.Unsupported u -> throw new InvalidInputException(u.field(), u.message());
        };
    }

    /**
     * Whether the family's MoE router is an {@code nn.Linear}, which bitsandbytes and compressed-tensors
     * convert: in transformers DeepSeek-V3's ({@code DeepseekV3TopkRouter}) and gpt-oss's
     * ({@code GptOssTopKRouter}) hold a plain {@code nn.Parameter}; Mixtral's, Qwen's, Phi-MoE's,
     * Jamba's and Llama 4's are {@code nn.Linear}s.
     */
    private static boolean routerIsLinear(Model model) {
        String family = model.architecture().map(a -> a.family()).orElse("");
        return !(family.equals("deepseek_v3") || family.equals("kimi_k2") || family.equals("gpt_oss"));
    }

    /** {@code str(torch.bfloat16).strip("torch.")}, as bitsandbytes prints the dtype into its quant state. */
    private static String printedDtype(String dtype) {
        return switch (dtype) {
            case "BF16" -> "bfloat16";
            case "F16" -> "float16";
            default -> "float32";
        };
    }

    /** The scheme's name, e.g. "FP8 E4M3, 128×128 blocks", for display beside the figures. */
    public String schemeLabel(Model model) {
        return scheme(model).label();
    }

    public String schemeDescription(Model model) {
        return scheme(model).description();
    }

    /** The textbook bits of the model's quantized weights (16 for a BF16 checkpoint, 8 for FP8, 4.25 for MXFP4). */
    public double nominalBits(Model model) {
        return scheme(model).nominalBits();
    }

    @Override
    public WeightLayout layout(Model model) {
        CheckpointScheme scheme = scheme(model);
        List<GroupStorage> stored = new ArrayList<>();
        for (Stored s : store(scheme, model.tensorGroups())) {
            long bytes = 0;
            for (StoredTensor t : s.tensors) {
                bytes = Math.addExact(bytes, t.bytes());
            }
            stored.add(new GroupStorage(s.group, s.quantized ? scheme.quantizedType() : s.tensors.getFirst().dtype().name(),
                    bytes));
        }
        return new WeightLayout(ID, stored);
    }

    /** What inference loads: the model's tensors as the checkpoint stores them. */
    public CheckpointBytes checkpoint(Model model) {
        return sum(store(scheme(model), model.tensorGroups()));
    }

    /**
     * The checkpoint files: the loaded tensors and those stored beside them but not loaded
     * (DeepSeek-V3's MTP layer). What the Hugging Face API's safetensors totals count.
     */
    public CheckpointBytes files(Model model) {
        List<TensorGroup> all = new ArrayList<>(model.tensorGroups());
        model.checkpoint().ifPresent(c -> all.addAll(c.unloaded()));
        return sum(store(scheme(model), all));
    }

    /** The tensors stored but not loaded, in the checkpoint's precision (empty for most models). */
    public CheckpointBytes unloaded(Model model) {
        return sum(store(scheme(model), model.checkpoint().map(Checkpoint::unloaded).orElse(List.of())));
    }

    /** One group (or a run of its layers) with what the file stores for each copy. */
    private record Stored(TensorGroup group, boolean quantized, List<StoredTensor> tensors) {
    }

    private List<Stored> store(CheckpointScheme scheme, List<TensorGroup> groups) {
        ModuleMatcher skip = scheme.notConverted();
        List<TensorGroup> parts = new ArrayList<>();
        List<Boolean> quantized = new ArrayList<>();
        Set<String> quantizedLinears = new HashSet<>();
        for (TensorGroup g : groups) {
            for (TensorGroup part : skip.split(g)) {
                boolean q = scheme.quantizes(part.first()) && !skip.matches(part.first().name());
                parts.add(part);
                quantized.add(q);
                if (q && part.pattern().endsWith(".weight")) {
                    quantizedLinears.add(part.pattern().substring(0, part.pattern().length() - 7) + "@" + part.first().layer());
                }
            }
        }
        List<Stored> stored = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            TensorGroup part = parts.get(i);
            if (quantized.get(i)) {
                stored.add(new Stored(part, true, quantized(scheme, part)));
            } else {
                boolean bias = part.role() == BIAS && part.pattern().endsWith(".bias") && quantizedLinears.contains(
                        part.pattern().substring(0, part.pattern().length() - 5) + "@" + part.first().layer());
                stored.add(new Stored(part, false, scheme.unquantized(part, bias)));
            }
        }
        return stored;
    }

    /** A shape the scheme cannot store means the config is not such a checkpoint: named under this format's field. */
    private List<StoredTensor> quantized(CheckpointScheme scheme, TensorGroup part) {
        try {
            return scheme.quantized(part);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }

    private static CheckpointBytes sum(List<Stored> stored) {
        CheckpointBytes.Sum sum = new CheckpointBytes.Sum();
        for (Stored s : stored) {
            for (StoredTensor t : s.tensors) {
                sum.add(t, s.group.copies());
            }
        }
        return sum.result();
    }

    private InvalidInputException needsConfig() {
        return new InvalidInputException(field, "weights \"checkpoint\" is the precision a published checkpoint is "
                + "stored in, which only its config.json says: choose a catalog model or paste its config.json, "
                + "or choose a format such as bf16, fp8-e4m3 or gptq-4bit-g128.");
    }
}
