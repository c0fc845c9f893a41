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
import app.bytewise.engine.format.DenseFormat;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.format.WeightFormat;
import app.bytewise.engine.model.Model;
import java.util.List;
import java.util.SplittableRandom;

/** Weight memory of a model stored in one uniform format: parameters × bytes per parameter. */
public final class WeightsTemplate extends NumericTemplate {

    public enum Variant { BARE_COUNT, CATALOG_GB, CATALOG_GIB }

    private static final List<String> FORMATS = List.of("fp32", "fp16", "bf16");
    private static final long[] BARE = {1_300_000_000L, 3_000_000_000L, 7_000_000_000L, 8_000_000_000L,
        13_000_000_000L, 34_000_000_000L, 70_000_000_000L, 175_000_000_000L};

    private final DrillContext context;
    private final Variant variant;

    public WeightsTemplate(DrillContext context, Variant variant) {
        super(switch (variant) {
            case BARE_COUNT -> "weights-bare-count";
            case CATALOG_GB -> "weights-model-gb";
            case CATALOG_GIB -> "weights-model-gib";
        }, variant == Variant.BARE_COUNT ? Topic.PRECISION_FORMATS : Topic.WEIGHT_MEMORY,
                variant == Variant.BARE_COUNT ? Difficulty.EASY : Difficulty.MEDIUM);
        this.context = context;
        this.variant = variant;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        Model model;
        String subject;
        if (variant == Variant.BARE_COUNT) {
            long n = BARE[random.nextInt(BARE.length)];
            model = Model.ofParameterCount(n);
            subject = String.format("A model with %s parameters", words(n));
        } else {
            CatalogModel m = context.model(random, c -> true);
            model = m.model();
            subject = m.name() + String.format(" (%,d parameters)", model.parameters());
        }
        String formatId = variant == Variant.BARE_COUNT
                ? DrillContext.pick(random, List.of("fp32", "fp16", "bf16", "int8", "int4"))
                : DrillContext.pick(random, FORMATS);
        WeightFormat format = Formats.parse(formatId);
        long n = model.parameters();
        long bytes = variant == Variant.BARE_COUNT ? format.bytesForParameterCount(n) : WeightMemory.bytes(model, format);
        Unit unit = variant == Variant.CATALOG_GIB ? Unit.GIB_UNIT : Unit.GB;
        double perParam = format.nominalBits() / 8;
        double otherBytes = perParam == 2 ? 4 : 2;
        long nominal = DrillContext.nominal(model);
        String text = subject + " is stored in " + format.label() + ". How much memory do its weights take, in "
                + unit.symbol() + "?";
        return new Scenario(text, NumericAnswer.bytes(bytes, unit),
                Scenario.wrong(
                        Misconception.NOMINAL_PARAMETER_COUNT, Math.round(nominal * perParam),
                        Misconception.WRONG_FORMAT_BYTES, Math.round(n * otherBytes),
                        Misconception.BITS_AS_BYTES, Math.round(n * format.nominalBits())),
                List.of(WeightMemory.step(model, format)),
                "Weights = parameters × bytes per parameter: " + (perParam == 0.5 ? "0.5" : (long) perParam)
                        + " bytes in " + format.label() + ".");
    }

    static String words(long n) {
        return n % 1_000_000_000L == 0 ? n / 1_000_000_000L + " billion"
                : String.format(java.util.Locale.ROOT, "%.1f billion", n / 1e9);
    }

    static boolean dense(WeightFormat f) {
        return f instanceof DenseFormat;
    }
}
