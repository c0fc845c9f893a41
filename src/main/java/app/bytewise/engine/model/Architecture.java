package app.bytewise.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A model's shape as a stack of layer kinds: {@code blocks} lists the layers in order, each run of
 * identical layers once with its count ("3 dense layers, then 58 MoE layers"); {@code kinds} holds
 * each distinct kind once with the number of its layers. Every formula is a sum over the kinds, so
 * no computation loops over a layer count a config controls.
 *
 * <p>The scalar accessors ({@link #attentionHeads()}, {@link #headDim()}, …) describe the first
 * attention layer and the first MLP. They are what a classic decoder has, one of each for all
 * layers ({@link #isUniform()}); questions and lessons that speak of "the" head count use only
 * such models.
 *
 * @param maxPositions the context the model is made for ({@code max_position_embeddings}), 0 if unknown
 */
public record Architecture(String family, long hiddenSize, long vocabSize, boolean tiedEmbeddings, long maxPositions,
        List<LayerBlock> blocks, List<LayerBlock> kinds) {

    public Architecture {
        blocks = List.copyOf(blocks);
        kinds = List.copyOf(kinds);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException(family + ": no layers");
        }
    }

    /** Merges consecutive identical layers into blocks and collects the kinds. */
    public static Architecture of(String family, long hiddenSize, long vocabSize, boolean tiedEmbeddings,
            long maxPositions, List<LayerBlock> layers) {
        List<LayerBlock> blocks = new ArrayList<>();
        List<LayerBlock> kinds = new ArrayList<>();
        for (LayerBlock layer : layers) {
            merge(blocks, layer, true);
            merge(kinds, layer, false);
        }
        return new Architecture(family, hiddenSize, vocabSize, tiedEmbeddings, maxPositions, blocks, kinds);
    }

    private static void merge(List<LayerBlock> into, LayerBlock layer, boolean consecutiveOnly) {
        for (int i = consecutiveOnly ? into.size() - 1 : 0; i >= 0 && i < into.size(); i++) {
            if (into.get(i).sameKind(layer)) {
                into.set(i, into.get(i).plus(layer.count()));
                return;
            }
        }
        into.add(layer);
    }

    /**
     * A classic decoder of {@code layers} identical blocks, the layers at {@code 0, stride, 2·stride…}
     * attending through {@code slidingWindow} (stride 0 or window 0: none).
     */
    public static Architecture uniform(String family, long hidden, int layers, int heads, int kvHeads, int headDim,
            Mlp mlp, long vocab, boolean tied, long maxPositions, int slidingWindow, int stride) {
        List<LayerBlock> list = new ArrayList<>();
        Attention full = new Attention.Full(heads, kvHeads, headDim);
        if (slidingWindow <= 0 || stride <= 0) {
            list.add(new LayerBlock(layers, full, mlp));
        } else {
            Attention sliding = new Attention.Sliding(heads, kvHeads, headDim, slidingWindow);
            for (int first = 0; first < layers; first += stride) {
                list.add(new LayerBlock(1, sliding, mlp));
                if (stride > 1 && first + 1 < layers) {
                    list.add(new LayerBlock(Math.min(stride - 1, layers - first - 1), full, mlp));
                }
            }
        }
        return of(family, hidden, vocab, tied, maxPositions, list);
    }

    public int layers() {
        int sum = 0;
        for (LayerBlock k : kinds) {
            sum += k.count();
        }
        return sum;
    }

    /** Layers whose attention is of the given kind. */
    public int layersOf(Class<? extends Attention> kind) {
        int sum = 0;
        for (LayerBlock k : kinds) {
            if (kind.isInstance(k.attention())) {
                sum += k.count();
            }
        }
        return sum;
    }

    /**
     * One attention shape and one MLP for every layer, the window aside (Llama, Mistral, Gemma 2):
     * the shape the textbook formulas with one head count and one MLP width describe.
     */
    public boolean isUniform() {
        LayerBlock first = kinds.getFirst();
        for (LayerBlock k : kinds) {
            if (!k.mlp().equals(first.mlp()) || !(k.attention() instanceof Attention.Full
                    || k.attention() instanceof Attention.Sliding) || attentionHeads(k) != attentionHeads(first)
                    || kvHeads(k) != kvHeads(first) || headDim(k) != headDim(first)) {
                return false;
            }
        }
        return true;
    }

    private LayerBlock firstWithHeads() {
        return kinds.stream().filter(k -> k.attention().queryHeads() > 0).findFirst().orElse(kinds.getFirst());
    }

    public int attentionHeads() {
        return attentionHeads(firstWithHeads());
    }

    /** Key/value heads of the first attention layer; for latent attention the query heads (one K and V each once expanded). */
    public int kvHeads() {
        return kvHeads(firstWithHeads());
    }

    public int headDim() {
        return headDim(firstWithHeads());
    }

    private static int attentionHeads(LayerBlock k) {
        return k.attention().queryHeads();
    }

    private static int kvHeads(LayerBlock k) {
        return switch (k.attention()) {
            case Attention.Full a -> a.kvHeads();
            case Attention.Sliding a -> a.kvHeads();
            case Attention.Chunked a -> a.kvHeads();
            case Attention.Latent a -> a.heads();
            case Attention.GatedDeltaNet a -> 0;
            case Attention.Mamba a -> 0;
        };
    }

    private static int headDim(LayerBlock k) {
        return switch (k.attention()) {
            case Attention.Full a -> a.headDim();
            case Attention.Sliding a -> a.headDim();
            case Attention.Chunked a -> a.headDim();
            case Attention.Latent a -> a.qkHeadDim();
            case Attention.GatedDeltaNet a -> 0;
            case Attention.Mamba a -> 0;
        };
    }

    /** How many query heads share one key/value head (1 for MHA, heads for MQA). */
    public int gqaGroupSize() {
        int kv = kvHeads();
        return kv == 0 ? 1 : attentionHeads() / kv;
    }

    /** The width of the first dense MLP, else of one routed expert. */
    public long intermediateSize() {
        for (LayerBlock k : kinds) {
            if (k.mlp() instanceof Mlp.Dense d) {
                return d.intermediate();
            }
        }
        return firstMoe().map(Mlp.Moe::expertIntermediate).orElse(0L);
    }

    private java.util.Optional<Mlp.Moe> firstMoe() {
        for (LayerBlock k : kinds) {
            if (k.mlp() instanceof Mlp.Moe m) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }

    public boolean isMoe() {
        return firstMoe().isPresent();
    }

    /** Routed experts per MoE layer (the same in every MoE layer of every supported family), 0 for a dense model. */
    public int experts() {
        return firstMoe().map(Mlp.Moe::experts).orElse(0);
    }

    public int expertsPerToken() {
        return firstMoe().map(Mlp.Moe::perToken).orElse(0);
    }

    /** The sliding window of the first sliding layer, 0 when no layer slides. */
    public int slidingWindow() {
        for (LayerBlock k : kinds) {
            if (k.attention() instanceof Attention.Sliding s) {
                return s.window();
            }
        }
        return 0;
    }

    public int slidingLayerCount() {
        return layersOf(Attention.Sliding.class);
    }

    /** Which layers slide, in words: "every layer", "every other layer (the even ones)", "5 of every 6 layers". */
    public String slidingPattern() {
        int sliding = slidingLayerCount();
        int layers = layers();
        if (sliding == layers) {
            return "every layer";
        }
        if (blocks.size() >= 2 && blocks.getFirst().attention() instanceof Attention.Sliding) {
            int run = blocks.get(0).count();
            int period = run + blocks.get(1).count();
            if (follows(run, period)) {
                return run == 1 && period == 2 ? "every other layer (the even ones)"
                        : String.format(Locale.ROOT, "%d of every %d layers", run, period);
            }
        }
        return String.format(Locale.ROOT, "%d of the %d layers", sliding, layers);
    }

    /** Whether layer i slides exactly when i % period < run (a description only; layers are bounded). */
    private boolean follows(int run, int period) {
        int layer = 0;
        for (LayerBlock block : blocks) {
            for (int i = 0; i < block.count(); i++, layer++) {
                if ((block.attention() instanceof Attention.Sliding) != (layer % period < run)) {
                    return false;
                }
            }
        }
        return true;
    }
}
