package app.bytewise.ui.estimator;

import app.bytewise.engine.serving.EngineAllocation;
import app.bytewise.engine.serving.llamacpp.LlamaCppPlacement;
import java.util.List;
import java.util.Optional;

/**
 * What the chosen engine allocates, and for llama.cpp where it puts it; {@code placementGap} says why
 * there is no placement (weights llama.cpp cannot load).
 */
record ServedEngine(EngineAllocation caches, Optional<LlamaCppPlacement> placement, Optional<String> placementGap) {

    List<String> log() {
        return placement.map(LlamaCppPlacement::log).orElse(caches.log());
    }

    boolean starts() {
        return caches.starts() && placement.map(LlamaCppPlacement::starts).orElse(true);
    }
}
