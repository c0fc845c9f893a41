package app.bytewise.engine.model;

/** {@code count} consecutive identical layers (or, in {@link Architecture#kinds()}, all layers of one kind). */
public record LayerBlock(int count, Attention attention, Mlp mlp) {

    public LayerBlock {
        if (count < 1) {
            throw new IllegalArgumentException("a block has at least one layer, got " + count);
        }
    }

    public boolean sameKind(LayerBlock other) {
        return attention.equals(other.attention) && mlp.equals(other.mlp);
    }

    LayerBlock plus(int more) {
        return new LayerBlock(Math.addExact(count, more), attention, mlp);
    }
}
