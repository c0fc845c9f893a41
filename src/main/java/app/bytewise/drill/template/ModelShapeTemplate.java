package app.bytewise.drill.template;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.NumericTemplate;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.Tolerance;
import app.bytewise.drill.Topic;
import app.bytewise.drill.answer.Unit;
import app.bytewise.engine.Step;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.TensorGroup;
import app.bytewise.engine.training.LoraSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Counting from the architecture: a Llama-style model's parameters from its config, and the
 * trainable parameters LoRA adds (Hu et al. 2021).
 */
public final class ModelShapeTemplate extends NumericTemplate {

    private final DrillContext context;
    private final boolean lora;

    public ModelShapeTemplate(DrillContext context, boolean lora) {
        super(lora ? "lora-trainable-parameters" : "parameters-from-config",
                lora ? Topic.TRAINING_MEMORY : Topic.WEIGHT_MEMORY, lora ? Difficulty.MEDIUM : Difficulty.HARD);
        this.context = context;
        this.lora = lora;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        CatalogModel m = lora ? context.model(random, c -> c.model().architecture().orElseThrow().family().matches("llama|mistral|qwen2|gemma2?"))
                : context.model(random, c -> c.model().architecture().orElseThrow().family().matches("llama|mistral|qwen2|gemma"));
        Architecture a = m.model().architecture().orElseThrow();
        long h = a.hiddenSize();
        long kv = (long) a.kvHeads() * a.headDim();
        // The query width: heads × head_dim, which differs from the hidden size in Gemma and Qwen3.
        long q = (long) a.attentionHeads() * a.headDim();
        if (lora) {
            int rank = 4 << random.nextInt(5);
            List<String> targets = DrillContext.pick(random, List.of(List.of("q_proj", "v_proj"),
                    List.of("q_proj", "k_proj", "v_proj", "o_proj"), List.of("q_proj", "k_proj", "v_proj", "o_proj",
                            "gate_proj", "up_proj", "down_proj")));
            LoraSpec spec = LoraSpec.of(rank, targets);
            long params = spec.trainableParameters(m.model().tensorGroups());
            long oneMatrix = m.model().tensorGroups().stream().filter(g -> spec.targets().contains(g.role()))
                    .mapToLong(g -> (long) rank * g.first().rowLength() * g.copies()).sum();
            String text = String.format("You fine-tune %s (%d layers, hidden size %d, %d attention heads and %d KV heads "
                    + "of dimension %d, intermediate size %d) with LoRA of rank %d on %s in every layer. How many trainable "
                    + "parameters does LoRA add?", m.name(), a.layers(), h, a.attentionHeads(), a.kvHeads(), a.headDim(),
                    a.intermediateSize(), rank,
                    String.join(", ", targets));
            Step step = new Step("lora", "LoRA parameters", "Σ over targeted weights of r × (in + out)",
                    List.of(Step.Input.of("r", rank, ""), Step.Input.of("layers", a.layers(), "")),
                    BigDecimal.valueOf(params), "parameters", "");
            return new Scenario(text, NumericAnswer.count(params),
                    Scenario.wrong(Misconception.LORA_ONE_MATRIX, oneMatrix,
                            Misconception.PER_LAYER_ONLY, params / a.layers(),
                            Misconception.KV_ATTENTION_HEADS, params + (targets.contains("k_proj") ? 2 : 1)
                                    * (long) rank * (q - kv) * a.layers()),
                    List.of(step), "LoRA adds r × (in + out) per targeted matrix: tiny next to the frozen base.");
        }
        long params = m.model().parameters();
        long head = a.tiedEmbeddings() ? 0 : a.vocabSize() * h;
        String text = String.format("%s: vocabulary %d, hidden size %d, %d layers, %d attention heads, %d KV heads of "
                + "dimension %d, gated MLP (gate, up, down) with intermediate size %d, two RMSNorms per layer and one at "
                + "the end, %s embeddings, %s. How many parameters does it have, exactly?", m.name(), a.vocabSize(), h,
                a.layers(), a.attentionHeads(), a.kvHeads(), a.headDim(), a.intermediateSize(),
                a.tiedEmbeddings() ? "tied" : "untied",
                a.family().equals("qwen2") ? "biases on the q, k and v projections only" : "no biases");
        long perLayerMlp = h * a.intermediateSize();
        Step step = new Step("parameters", "Parameters, tensor by tensor",
                "V·h (embeddings) + L·(h·q + 2·h·kv + q·h + 3·h·I + 2·h) + h (final norm) + V·h (head, if untied)",
                List.of(Step.Input.of("V", a.vocabSize(), ""), Step.Input.of("h", h, ""), Step.Input.of("L", a.layers(), ""),
                        Step.Input.of("kv", kv, "KV width"), Step.Input.of("I", a.intermediateSize(), "")),
                BigDecimal.valueOf(params), "parameters",
                m.model().tensorCount() + " tensors; " + m.model().tensorGroups().stream()
                        .filter(g -> g.first().dimensions() == 1).mapToLong(TensorGroup::elements).sum()
                        + " of the parameters are norm weights.");
        var wrong = new java.util.LinkedHashMap<Misconception, BigDecimal>();
        if (head > 0) {
            wrong.put(Misconception.FORGOT_OUTPUT_HEAD, BigDecimal.valueOf(params - head));
        } else {
            wrong.put(Misconception.TIED_HEAD_COUNTED, BigDecimal.valueOf(params + a.vocabSize() * h));
        }
        wrong.put(Misconception.FORGOT_EMBEDDINGS, BigDecimal.valueOf(params - a.vocabSize() * h - head));
        wrong.put(Misconception.NON_GATED_MLP, BigDecimal.valueOf(params - perLayerMlp * a.layers()));
        if (a.kvHeads() != a.attentionHeads()) {
            wrong.put(Misconception.KV_ATTENTION_HEADS, BigDecimal.valueOf(params + 2 * h * (q - kv) * a.layers()));
        }
        wrong.put(Misconception.NOMINAL_PARAMETER_COUNT, BigDecimal.valueOf(DrillContext.nominal(m.model())));
        return new Scenario(text, new NumericAnswer(BigDecimal.valueOf(params), Unit.ONE, 0, Tolerance.EXACT), wrong,
                List.of(step), "Count tensor by tensor: embeddings, per-layer attention (with KV heads) and a 3-matrix MLP, norms, head.");
    }
}
