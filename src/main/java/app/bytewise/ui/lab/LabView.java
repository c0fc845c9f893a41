package app.bytewise.ui.lab;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
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
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The quantization lab: a real tensor through real formats, side by side. Runs happen on the lab's
 * shared workers, one per browser session at a time; the page polls while one is queued or under
 * way, showing its place in the queue and then its progress, so it never freezes, and a run can be
 * cancelled (GPTQ on a 4096 × 4096 layer takes seconds).
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
    private LabWorkers.Ticket ticket;
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
        Optional<String> tooCostly = started.tooCostly();
        if (tooCostly.isPresent()) {
            choices.setErrorMessage(tooCostly.get());
            choices.setInvalid(true);
            status.setText("This run is larger than the lab allows.");
            return;
        }
        UI ui = UI.getCurrent();
        Optional<LabWorkers.Ticket> queued = workers.submit(ui.getSession(), client(),
                () -> started.step(outcome -> inUi(ui, () -> {
                    if (job == started) { // a cancelled run's last step is not shown
                        results.add(outcome);
                    }
                })),
                () -> inUi(ui, () -> finished(started)));
        if (queued.isEmpty()) {
            status.setText("Another lab run of this browser session is queued or running, perhaps in another tab "
                    + "or a cancelled one finishing its last step; wait a moment, or cancel it there.");
            return;
        }
        job = started;
        ticket = queued.get();
        results.clear();
        run.setEnabled(false);
        cancel.setEnabled(true);
        progress.setValue(0);
        progress.setVisible(true);
        showProgress();
        ui.setPollInterval(300);
    }

    /** The queue position while the run waits for a worker, its progress once it runs. */
    private void showProgress() {
        int ahead = ticket.ahead();
        if (ahead >= 0) {
            progress.setIndeterminate(true);
            status.setText(ahead == 0 ? "Queued: next to start." : String.format(Locale.ROOT, "Queued: %d job%s ahead.",
                    ahead, ahead == 1 ? "" : "s"));
            return;
        }
        progress.setIndeterminate(false);
        progress.setValue(job.progress());
        status.setText(String.format(Locale.ROOT, "Running %s… %.0f%%", job.currentLabel(), 100 * job.progress()));
    }

    /** Whose turn a run takes in the shared queue: the client's address (per node, like the API's limits). */
    private static String client() {
        VaadinRequest request = VaadinRequest.getCurrent();
        String address = request == null ? null : request.getRemoteAddr();
        return address == null ? "unknown" : address;
    }

    /** Delivers to the page if it is still open; a closed tab has nobody to show it to. */
    private static void inUi(UI ui, Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException closed) {
            // the run was cancelled when the page went away
        }
    }

    /**
     * Stops the run for the page at once: a queued run is withdrawn; a running one stops at its next
     * check (GPTQ checks between tiles; other methods finish their current choice in the background,
     * and that result is dropped), while the page is free again straight away.
     */
    private void cancel() {
        if (job != null) {
            LabJob stopping = job;
            stopping.cancel();
            ticket.withdraw();
            finished(stopping);
        }
    }

    private void finished(LabJob done) {
        if (job != done) {
            return;
        }
        job = null;
        ticket = null;
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
            if (job != null && !job.isCancelled()) {
                showProgress();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (job != null) {
            job.cancel(); // nobody is watching any more
            ticket.withdraw();
        }
        if (polling != null) {
            polling.remove();
        }
        event.getUI().setPollInterval(-1);
    }
}
