package app.bytewise.drill.template.training;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.NumericTemplate;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.TemplateKey;
import app.bytewise.drill.Topic;
import app.bytewise.drill.answer.Unit;
import app.bytewise.drill.template.DrillContext;
import app.bytewise.engine.Step;
import app.bytewise.engine.Step.Input;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.training.AttentionKernel;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What an eager attention core keeps for backward, per layer, by implementation ({@link AttentionKernel}, pinned
 * to what PyTorch's autograd saves by AttentionKernelTest): Hugging Face's eager Llama attention keeps its FP32
 * softmax and the BF16 copy, 6 bytes per score; a GPT layer with dropout 5.
 */
public final class EagerAttentionCoreTemplate extends NumericTemplate {

    static final TemplateKey KEY = new TemplateKey("eager-attention-saved-scores", Topic.FLASH_ATTENTION,
            Difficulty.MEDIUM);
    private final DrillContext context;

    public EagerAttentionCoreTemplate(DrillContext context) {
        super(KEY);
        this.context = context;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        CatalogModel m = context.model(random, "llama-2-7b", "llama-2-13b", "meta-llama-3-8b");
        Architecture a = m.model().architecture().orElseThrow();
        long s = DrillContext.within(m, 1024L << random.nextInt(3));
        int b = 1 + random.nextInt(4);
        boolean hf = random.nextBoolean();
        AttentionKernel kernel = hf ? AttentionKernel.EAGER_FP32_SOFTMAX : AttentionKernel.EAGER_DROPOUT;
        long bytes = kernel.coreBytes(s, b, a.attentionHeads(), 1);
        long perScore = (long) a.attentionHeads() * s * s * b;
        String how = hf ? "with Hugging Face's eager attention: the scores' softmax is computed in FP32 and cast back to "
                + "BF16 before the product with V, and attention dropout is 0"
                : "with a GPT-style eager attention in BF16: a BF16 softmax, then dropout with a 1-byte mask, then "
                + "the product with V";
        String text = String.format(Locale.ROOT, "Training %s (%d attention heads) %s. At %,d tokens and a micro-batch of "
                + "%d, how much does one layer's attention core keep for the backward pass beyond Q, K and V, in GiB?",
                m.name(), a.attentionHeads(), how, s, b);
        Step step = Step.bytes("attentionCore", "Attention core kept for backward", kernel.formula(),
                List.of(Input.of("a", a.attentionHeads(), "heads"), Input.of("s", s, "tokens"), Input.of("b", b, ""),
                        Input.of("bytes per score", kernel.scoreBytes(), "")), bytes,
                hf ? "Softmax's backward needs its FP32 output (4 bytes); the product with V needs the BF16 copy (2)."
                        : "The softmax output (2 bytes), the dropout mask (1) and the dropout output (2).");
        return new Scenario(text, NumericAnswer.bytes(bytes, Unit.GIB_UNIT),
                hf ? Scenario.wrong(Misconception.EAGER_GPT_SCORE_BYTES, 5 * perScore,
                        Misconception.EAGER_FP32_COPY_FORGOTTEN, 4 * perScore,
                        Misconception.EAGER_16BIT_SOFTMAX, 2 * perScore)
                        : Scenario.wrong(Misconception.EAGER_DROPOUT_FORGOTTEN, 2 * perScore,
                        Misconception.EAGER_MASK_TWO_BYTES, 6 * perScore,
                        Misconception.ATTENTION_ONE_HEAD, bytes / a.attentionHeads()),
                List.of(step), "What an eager attention keeps is what its code hands to autograd: from 2 to 6 bytes "
                        + "per score, and FlashAttention keeps none.");
    }
}
