package app.bytewise.engine.format;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.model.TensorGroup;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPTQ and AWQ checkpoints: b-bit codes for the block linear layers with one FP16 scale and one
 * b-bit zero point per group of {@code group} input columns and output row. The tensors are those
 * of AutoGPTQ's and AutoAWQ's {@code QuantLinear}: {@code qweight} (codes packed in int32),
 * {@code qzeros} (zero points packed in int32), {@code scales} (FP16), and for GPTQ also
 * {@code g_idx} (one int32 per input column, which act-order needs). Embeddings, norms and the
 * output head stay in 16 bits. Ids: {@code gptq-4bit-g128}, {@code awq-4bit-g128}; group -1 or
 * {@code gall} means one group per row.
 */
public record GroupQuantFormat(Method method, int bits, int group) implements WeightFormat {

    public enum Method { GPTQ, AWQ }

    private static final Pattern ID = Pattern.compile("(gptq|awq)-(\\d+)bit-g(\\d+|-1|all)");

    public GroupQuantFormat {
        if (bits != 2 && bits != 3 && bits != 4 && bits != 8) {
            throw new InvalidInputException("weights", "GPTQ/AWQ bit width must be 2, 3, 4 or 8, got " + bits);
        }
        if (method == Method.AWQ && bits != 4) {
            throw new InvalidInputException("weights", "AWQ checkpoints are 4-bit; got " + bits + " bits");
        }
        if (group != -1 && (group < 16 || Integer.bitCount(group) != 1)) {
            throw new InvalidInputException("weights", "The group size must be a power of two from 16 up, or -1");
        }
    }

    public static boolean matches(String id) {
        return ID.matcher(id.toLowerCase(Locale.ROOT)).matches();
    }

    public static GroupQuantFormat parse(String id) {
        Matcher m = ID.matcher(id.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidInputException("weights", "Not a GPTQ/AWQ id: " + id);
        }
        String g = m.group(3);
        return new GroupQuantFormat(Method.valueOf(m.group(1).toUpperCase(Locale.ROOT)),
                Integer.parseInt(m.group(2)), g.equals("all") || g.equals("-1") ? -1 : Integer.parseInt(g));
    }

    @Override
    public String id() {
        return method.name().toLowerCase(Locale.ROOT) + "-" + bits + "bit-g" + (group == -1 ? "-1" : group);
    }

    @Override
    public String label() {
        return method + " " + bits + "-bit" + (group == -1 ? "" : ", group " + group);
    }

    @Override
    public double nominalBits() {
        return bits;
    }

    @Override
    public String description() {
        return "Block linear layers in " + bits + "-bit codes with an FP16 scale and a " + bits
                + "-bit zero point per group" + (method == Method.GPTQ ? ", plus an int32 g_idx per input column" : "")
                + "; the rest in 16 bits.";
    }

    @Override
    public WeightLayout layout(Model model) {
        return new WeightLayout(id(), model.tensorGroups().stream().map(this::store).toList());
    }

    private GroupStorage store(TensorGroup g) {
        Tensor t = g.first();
        if (!t.role().isBlockLinear()) {
            return StorageMath.unquantized(g);
        }
        long in = t.rowLength();
        long out = t.rows();
        long groups = group == -1 ? 1 : StorageMath.ceilDiv(in, group);
        // qweight: int32 words of 32/bits codes along the input dimension (3-bit packs 32 codes in 3 words).
        long qweight = 4 * StorageMath.ceilDiv(in * bits, 32) * out;
        long qzeros = 4 * groups * StorageMath.ceilDiv(out * bits, 32);
        long scales = 2 * groups * out;
        long gIdx = method == Method.GPTQ ? 4 * in : 0;
        return new GroupStorage(g, method + " " + bits + "-bit", qweight + qzeros + scales + gIdx);
    }
}
