package app.bytewise.ui.lab;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The quantization lab: a real tensor through real formats, side by side. Runs happen on a worker
 * thread; the page polls for progress while one is under way, so it never freezes, and a run can
 * be cancelled (GPTQ on a 4096 × 4096 layer takes seconds).
 */
@Route("lab")
@PageTitle("Lab | Bytewise")
@AnonymousAllowed
public class LabView extends VerticalLayout {

    static final EnumSet<LabChoice> DEFAULT_CHOICES = EnumSet.of(LabChoice.INT8_CHANNEL, LabChoice.INT4_G128,
            LabChoice.NF4, LabChoice.Q4_K, LabChoice.GPTQ_INT4);
    private static final int BINS = 64;

    private final LabWorkers workers;
    private final LabTensorForm tensorForm = new LabTensorForm();
    private final CheckboxGroup<LabChoice> choices = new CheckboxGroup<>("Formats and methods");
    private final Button run = new Button("Quantize");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private final LabResultsPanel results = new LabResultsPanel();
    private LabJob job;
    private Registration polling;

    public LabView(LabWorkers workers) {
        this.workers = workers;
        addClassName("bw-page");
        addClassName("bw-lab");
        choices.setItems(LabChoice.values());
        choices.setItemLabelGenerator(LabChoice::label);
        choices.setValue(DEFAULT_CHOICES);
        choices.addClassName("bw-lab-choices");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> start());
        cancel.addClickListener(e -> cancel());
        cancel.setEnabled(false);
        progress.setVisible(false);
        status.addClassName("bw-lab-status");
        status.getElement().setAttribute("aria-live", "polite");
        Div actions = new Div(run, cancel);
        actions.addClassName("bw-actions");
        add(new H1("Quantization lab"), new Paragraph("Quantize a real tensor and measure what each format costs in "
                + "accuracy. GGUF formats produce llama.cpp's exact bytes, NF4 and FP4 bitsandbytes'; GPTQ, AWQ, "
                + "LLM.int8() and SmoothQuant use generated layer inputs with outlier features."), tensorForm,
                choices, actions, progress, status, results);
    }

    /** The results panel, for tests. */
    LabResultsPanel results() {
        return results;
    }

    LabTensorForm tensorForm() {
        return tensorForm;
    }

    boolean running() {
        return job != null;
    }

    private void start() {
        if (job != null) {
            return;
        }
        choices.setInvalid(false);
        Optional<LabTensor> tensor = tensorForm.tensor();
        if (tensor.isEmpty()) {
            status.setText("Fix the marked field first.");
            return;
        }
        if (choices.getValue().isEmpty()) {
            choices.setErrorMessage("Choose at least one format or method.");
            choices.setInvalid(true);
            return;
        }
        List<LabChoice> chosen = Arrays.stream(LabChoice.values()).filter(choices.getValue()::contains).toList();
        LabTensor w = tensor.get();
        LabJob started = new LabJob(w, tensorForm.inputSeed(), chosen, BINS);
        job = started;
        results.clear();
        run.setEnabled(false);
        cancel.setEnabled(true);
        progress.setValue(0);
        progress.setVisible(true);
        status.setText(String.format(Locale.ROOT, "Quantizing a %d × %d tensor with %d choices…", w.rows(), w.cols(),
                chosen.size()));
        UI ui = UI.getCurrent();
        ui.setPollInterval(300);
        workers.submit(() -> {
            try {
                started.run(outcome -> ui.access(() -> results.add(outcome)));
            } finally {
                ui.access(() -> finished(started));
            }
        });
    }

    private void cancel() {
        if (job != null) {
            job.cancel();
            status.setText("Cancelling…");
        }
    }

    private void finished(LabJob done) {
        if (job != done) {
            return;
        }
        job = null;
        run.setEnabled(true);
        cancel.setEnabled(false);
        progress.setVisible(false);
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
        int shown = results.outcomes().size();
        status.setText(done.isCancelled() ? "Cancelled after " + shown + " result" + (shown == 1 ? "" : "s") + "."
                : "Done: " + shown + " result" + (shown == 1 ? "" : "s") + ".");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        polling = event.getUI().addPollListener(e -> {
            if (job != null) {
                progress.setValue(job.progress());
                status.setText(String.format(Locale.ROOT, "Running %s… %.0f%%", job.currentLabel(), 100 * job.progress()));
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (job != null) {
            job.cancel(); // nobody is watching any more
        }
        if (polling != null) {
            polling.remove();
        }
        event.getUI().setPollInterval(-1);
    }
}
