package app.bytewise.progress.fsrs;

/**
 * Where a card is in its life: still in the short learning steps, in long-term review, or back in
 * short steps after a lapse. A card never reviewed is {@code LEARNING} at step 0 with no memory state.
 */
public enum CardState {
    LEARNING, REVIEW, RELEARNING
}
