package app.bytewise.drill;

import app.bytewise.drill.bank.BankTemplate;
import app.bytewise.drill.bank.QuestionBank;
import app.bytewise.drill.template.AttentionMemoryTemplate;
import app.bytewise.drill.template.DecodeSpeedTemplate;
import app.bytewise.drill.template.DrillContext;
import app.bytewise.drill.template.InferenceTotalTemplate;
import app.bytewise.drill.template.KvCacheTemplate;
import app.bytewise.drill.template.PipelineBubbleTemplate;
import app.bytewise.drill.template.QuantizedWeightsTemplate;
import app.bytewise.drill.template.SmallFactsTemplate;
import app.bytewise.drill.template.TrainingStatesTemplate;
import app.bytewise.drill.template.WeightsTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/** Every question template: numeric ones computed by the engine, and the conceptual bank. */
public final class TemplateCatalog {

    private final Map<String, QuestionTemplate> templates = new LinkedHashMap<>();

    public TemplateCatalog(DrillContext context) {
        List<QuestionTemplate> all = new ArrayList<>();
        for (WeightsTemplate.Variant v : WeightsTemplate.Variant.values()) {
            all.add(new WeightsTemplate(context, v));
        }
        all.add(new QuantizedWeightsTemplate(context, false));
        all.add(new QuantizedWeightsTemplate(context, true));
        for (KvCacheTemplate.Variant v : KvCacheTemplate.Variant.values()) {
            all.add(new KvCacheTemplate(context, v));
        }
        for (TrainingStatesTemplate.Variant v : TrainingStatesTemplate.Variant.values()) {
            all.add(new TrainingStatesTemplate(context, v));
        }
        all.add(new PipelineBubbleTemplate(false));
        all.add(new PipelineBubbleTemplate(true));
        all.add(new DecodeSpeedTemplate(context, false));
        all.add(new DecodeSpeedTemplate(context, true));
        for (AttentionMemoryTemplate.Variant v : AttentionMemoryTemplate.Variant.values()) {
            all.add(new AttentionMemoryTemplate(context, v));
        }
        all.add(new InferenceTotalTemplate(context, false));
        all.add(new InferenceTotalTemplate(context, true));
        for (SmallFactsTemplate.Variant v : SmallFactsTemplate.Variant.values()) {
            all.add(new SmallFactsTemplate(context, v));
        }
        all.add(new app.bytewise.drill.template.ModelShapeTemplate(context, false));
        all.add(new app.bytewise.drill.template.ModelShapeTemplate(context, true));
        for (var v : app.bytewise.drill.template.CapacityTemplate.Variant.values()) {
            all.add(new app.bytewise.drill.template.CapacityTemplate(context, v));
        }
        all.add(new app.bytewise.drill.template.ComputeTemplate(context, false));
        all.add(new app.bytewise.drill.template.ComputeTemplate(context, true));
        all.add(new app.bytewise.drill.template.DeployScenarioTemplate(context));
        for (var v : app.bytewise.drill.template.ScalingTemplate.Variant.values()) {
            all.add(new app.bytewise.drill.template.ScalingTemplate(context, v));
        }
        for (var v : app.bytewise.drill.template.MoreMemoryTemplate.Variant.values()) {
            all.add(new app.bytewise.drill.template.MoreMemoryTemplate(context, v));
        }
        for (var v : app.bytewise.drill.template.MoreTrainingTemplate.Variant.values()) {
            all.add(new app.bytewise.drill.template.MoreTrainingTemplate(context, v));
        }
        for (var v : app.bytewise.drill.template.MoreSpeedTemplate.Variant.values()) {
            all.add(new app.bytewise.drill.template.MoreSpeedTemplate(context, v));
        }
        for (var v : app.bytewise.drill.template.BasicsTemplate.Variant.values()) {
            all.add(new app.bytewise.drill.template.BasicsTemplate(context, v));
        }
        for (var v : app.bytewise.drill.template.ModernArchitectureTemplate.Variant.values()) {
            all.add(new app.bytewise.drill.template.ModernArchitectureTemplate(context, v));
        }
        for (var v : app.bytewise.drill.template.ServingEngineTemplate.Variant.values()) {
            all.add(new app.bytewise.drill.template.ServingEngineTemplate(context, v));
        }
        // One family per class, in a package per topic.
        all.add(new app.bytewise.drill.template.decodespeed.ExpertsReadAtBatchTemplate(context));
        all.add(new app.bytewise.drill.template.quantization.Fp4TensorSizeTemplate());
        all.add(new app.bytewise.drill.template.training.MegatronStatesTemplate(context));
        all.add(new app.bytewise.drill.template.training.EagerAttentionCoreTemplate(context));
        all.add(new app.bytewise.drill.template.inferencefit.LlamaCppGpuLayersTemplate(context));
        all.add(new app.bytewise.drill.template.inferencefit.VllmLongestModelLenTemplate(context));
        all.add(new app.bytewise.drill.template.kvcache.LlamaCppSlidingCellsTemplate(context));
        QuestionBank.load().forEach(q -> all.add(new BankTemplate(q)));
        for (QuestionTemplate t : all) {
            if (templates.put(t.id(), t) != null) {
                throw new IllegalStateException("two templates share the id " + t.id());
            }
        }
    }

    public List<QuestionTemplate> all() {
        return List.copyOf(templates.values());
    }

    public Optional<QuestionTemplate> find(String id) {
        return Optional.ofNullable(templates.get(id));
    }

    public List<QuestionTemplate> matching(Optional<Topic> topic, Optional<Difficulty> difficulty, Optional<QuestionKind> kind) {
        return matching(topic.map(Set::of).orElse(Set.of()), difficulty, kind);
    }

    /** Templates of any of {@code topics} (all topics when empty) that fit the difficulty and kind. */
    public List<QuestionTemplate> matching(Set<Topic> topics, Optional<Difficulty> difficulty, Optional<QuestionKind> kind) {
        return templates.values().stream()
                .filter(t -> topics.isEmpty() || topics.contains(t.topic()))
                .filter(t -> difficulty.map(x -> x == t.difficulty()).orElse(true))
                .filter(t -> kind.map(k -> k == QuestionKind.CHOICE || t.numeric()).orElse(true))
                .toList();
    }

    /** Regenerates exactly the question an id names, if its template exists. */
    public Optional<Question> question(QuestionId id) {
        return find(id.template()).filter(t -> id.kind() == QuestionKind.CHOICE || t.numeric())
                .map(t -> t.generate(id.seed(), id.kind()));
    }

    /**
     * Draws a question: the seed picks the template among those matching, then generates it, so the
     * same filters and seed always give the same question.
     */
    public Optional<Question> draw(Optional<Topic> topic, Optional<Difficulty> difficulty, Optional<QuestionKind> kind,
            long seed) {
        return draw(topic.map(Set::of).orElse(Set.of()), difficulty, kind, seed);
    }

    /** As {@link #draw(Optional, Optional, Optional, long)}, from any of several topics (all when empty). */
    public Optional<Question> draw(Set<Topic> topics, Optional<Difficulty> difficulty, Optional<QuestionKind> kind,
            long seed) {
        List<QuestionTemplate> pool = matching(topics, difficulty, kind);
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        QuestionTemplate t = pool.get(new SplittableRandom(seed).nextInt(pool.size()));
        QuestionKind k = kind.orElse(t.numeric() && new SplittableRandom(seed + 1).nextBoolean()
                ? QuestionKind.NUMERIC : QuestionKind.CHOICE);
        return Optional.of(t.generate(seed, k));
    }
}
