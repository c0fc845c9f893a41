package app.bytewise.ui.lab;

import app.bytewise.quant.lab.LabResult;
import java.util.Optional;

/** One choice's result in a lab run, or the reason it could not run on this tensor. */
record LabOutcome(LabChoice choice, Optional<LabResult> result, Optional<String> problem) {

    static LabOutcome of(LabChoice choice, LabResult result) {
        return new LabOutcome(choice, Optional.of(result), Optional.empty());
    }

    static LabOutcome failed(LabChoice choice, String problem) {
        return new LabOutcome(choice, Optional.empty(), Optional.of(problem));
    }
}
