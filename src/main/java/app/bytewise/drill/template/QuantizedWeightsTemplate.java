package app.bytewise.drill.template;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.NumericTemplate;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.Topic;
import app.bytewise.drill.answer.Unit;
import app.bytewise.engine.WeightMemory;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.format.WeightFormat;
import app.bytewise.engine.model.Model;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The real size of a quantized checkpoint (scales, zero points and the tensors left in 16 bits
 * counted), against the textbook params × bits / 8.
 */
public final class QuantizedWeightsTemplate extends NumericTemplate {

    private final DrillContext context;
    private final boolean gguf;

    public QuantizedWeightsTemplate(DrillContext context, boolean gguf) {
        super(gguf ? "gguf-file-size" : "quantized-checkpoint-size", Topic.QUANTIZATION_METHODS, Difficulty.HARD);
        this.context = context;
        this.gguf = gguf;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        CatalogModel m = context.model(random, "llama-2-7b", "llama-2-13b", "meta-llama-3-8b", "mistral-7b-v0-1",
                "qwen2-7b", "llama-3-1-70b", "llama-2-70b", "gemma-7b");
        Model model = m.model();
        String formatId = gguf
                ? DrillContext.pick(random, List.of("gguf:Q4_K_M", "gguf:Q5_K_M", "gguf:Q4_0", "gguf:Q3_K_M", "gguf:Q6_K"))
                : DrillContext.pick(random, List.of("nf4", "nf4-dq", "gptq-4bit-g128", "awq-4bit-g128", "int8"));
        WeightFormat format = Formats.parse(formatId);
        long bytes = WeightMemory.bytes(model, format);
        long n = model.parameters();
        String text = gguf
                ? String.format("llama.cpp quantizes %s (%,d parameters) with llama-quantize %s. How large is the "
                        + "tensor data of the resulting GGUF file, in GB?", m.name(), n, formatId.substring(5))
                : String.format("%s (%,d parameters) is loaded as %s (block linear layers quantized, embeddings, output "
                        + "head and norms kept in BF16). How much memory do its weights take, in GB?", m.name(), n,
                        format.label());
        long textbook = format.bytesForParameterCount(n);
        var wrong = Scenario.wrong(
                Misconception.NOMINAL_BITS, textbook,
                Misconception.NOMINAL_PARAMETER_COUNT, Math.round(DrillContext.nominal(model) * format.nominalBits() / 8),
                Misconception.WRONG_FORMAT_BYTES, 2 * n,
                Misconception.BITS_AS_BYTES, 8 * bytes);
        if (gguf && formatId.startsWith("gguf:Q4")) {
            var first = new java.util.LinkedHashMap<Misconception, java.math.BigDecimal>();
            first.put(Misconception.GGUF_HALF_BYTE, java.math.BigDecimal.valueOf(n / 2));
            first.putAll(wrong);
            wrong = first;
        }
        return new Scenario(text, NumericAnswer.bytes(bytes, Unit.GB), wrong,
                List.of(WeightMemory.step(model, format)),
                "A quantized file is larger than params × nominal bits: block scales and higher-precision tensors add up.");
    }
}
