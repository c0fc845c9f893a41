package app.bytewise.ui.lab;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NavigatorKt.expectView;
import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.quant.tensor.TensorKind;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import java.util.Set;

/** Opens the lab in the current (Karibu) tab and runs the chosen formats on a generated tensor to the end. */
final class LabRuns {

    private LabRuns() {
    }

    @SuppressWarnings("unchecked")
    static LabView run(TensorKind kind, int rows, int cols, Set<LabChoice> choices) throws InterruptedException {
        UI.getCurrent().navigate("lab");
        expectView(LabView.class);
        LabView lab = _get(LabView.class);
        lab.tensorForm().kind().setValue(kind);
        lab.tensorForm().rows().setValue(rows);
        lab.tensorForm().cols().setValue(cols);
        _get(CheckboxGroup.class).setValue(choices);
        _click(_get(Button.class, spec -> spec.withText("Quantize")));
        for (int i = 0; i < 600 && lab.running(); i++) {
            Thread.sleep(50);
            MockVaadin.clientRoundtrip(false);
        }
        assertThat(lab.running()).isFalse();
        return lab;
    }
}
