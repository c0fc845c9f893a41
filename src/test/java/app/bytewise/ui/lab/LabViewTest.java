package app.bytewise.ui.lab;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NavigatorKt.expectView;
import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.quant.lab.LabRequest;
import app.bytewise.quant.lab.LabResult;
import app.bytewise.quant.lab.QuantLab;
import app.bytewise.quant.method.ProgressMonitor;
import app.bytewise.quant.tensor.FloatMatrix;
import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorKind;
import app.bytewise.quant.tensor.TensorSpec;
import app.bytewise.ui.KaribuTestBase;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LabViewTest extends KaribuTestBase {

    @Autowired
    private LabWorkers workers;

    private LabView open() {
        openAnonymously();
        UI.getCurrent().navigate("lab");
        expectView(LabView.class);
        return _get(LabView.class);
    }

    /** Runs the job to the end: worker results reach the page through UI.access, delivered on a round trip. */
    private static void awaitDone(LabView lab) throws InterruptedException {
        for (int i = 0; i < 600 && lab.running(); i++) {
            Thread.sleep(50);
            MockVaadin.clientRoundtrip(false);
        }
        assertThat(lab.running()).as("lab run finished").isFalse();
    }

    @SuppressWarnings("unchecked")
    private static void choose(LabChoice... choices) {
        CheckboxGroup<LabChoice> group = _get(CheckboxGroup.class);
        group.setValue(EnumSet.copyOf(List.of(choices)));
    }

    @Test
    void aRunShowsTheSameMetricsAsTheCoreAndHistograms() throws InterruptedException {
        LabView lab = open();
        lab.tensorForm().kind().setValue(TensorKind.GAUSSIAN);
        lab.tensorForm().rows().setValue(64);
        lab.tensorForm().cols().setValue(256);
        choose(LabChoice.Q8_0, LabChoice.Q4_K, LabChoice.GPTQ_INT4);
        _click(_get(Button.class, spec -> spec.withText("Quantize")));
        awaitDone(lab);

        List<LabOutcome> outcomes = lab.results().outcomes();
        assertThat(outcomes).extracting(LabOutcome::choice).containsExactly(LabChoice.Q8_0, LabChoice.Q4_K,
                LabChoice.GPTQ_INT4);
        // The page's figures are the core's: same seeded tensor, same format.
        FloatMatrix w = TensorGenerator.generate(new TensorSpec(TensorKind.GAUSSIAN, 64, 256, 42, 0.02, 4, 10, 5));
        LabResult direct = QuantLab.run(LabRequest.rtn(w, "gguf:Q8_0"), ProgressMonitor.NONE);
        LabResult shown = outcomes.get(0).result().orElseThrow();
        assertThat(shown.metrics().mse()).isEqualTo(direct.metrics().mse());
        assertThat(shown.bitsPerWeight()).isEqualTo(8.5);
        assertThat(shown.storedBytes()).isEqualTo(64L * 256 / 32 * 34);
        assertThat(outcomes.get(2).result().orElseThrow().outputError()).isPresent();
        assertThat(lab.results().getChildren().flatMap(c -> c.getChildren())).isNotEmpty();
        // Two histograms, each drawn for a desktop and for a phone.
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Image.class)).hasSize(4)
                .allSatisfy(img -> assertThat(img.getAlt().orElse("")).contains("histogram"));
    }

    @Test
    void aFormatThatDoesNotFitTheShapeSaysWhyAndTheOthersStillRun() throws InterruptedException {
        LabView lab = open();
        lab.tensorForm().rows().setValue(8);
        lab.tensorForm().cols().setValue(96); // not a multiple of 256: no K-quant blocks
        choose(LabChoice.Q4_K, LabChoice.Q4_0);
        _click(_get(Button.class, spec -> spec.withText("Quantize")));
        awaitDone(lab);
        List<LabOutcome> outcomes = lab.results().outcomes();
        assertThat(outcomes.get(0).problem()).hasValueSatisfying(p -> assertThat(p).contains("256"));
        assertThat(outcomes.get(1).result()).isPresent();
    }

    @Test
    void aLongGptqRunCanBeCancelled() throws InterruptedException {
        LabView lab = open();
        lab.tensorForm().rows().setValue(2048);
        lab.tensorForm().cols().setValue(2048);
        choose(LabChoice.GPTQ_INT4, LabChoice.LLM_INT8);
        _click(_get(Button.class, spec -> spec.withText("Quantize")));
        assertThat(lab.running()).isTrue();
        _click(_get(Button.class, spec -> spec.withText("Cancel")));
        // Stopped for the page at once, before any round trip: the run button is free again.
        assertThat(lab.running()).isFalse();
        assertThat(_get(Button.class, spec -> spec.withText("Quantize")).isEnabled()).isTrue();
        for (int i = 0; i < 20; i++) { // whatever the worker was doing, nothing of it arrives afterwards
            Thread.sleep(50);
            MockVaadin.clientRoundtrip(false);
        }
        assertThat(lab.results().outcomes()).isEmpty();
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("bw-lab-status")).getText())
                .isEqualTo("Cancelled after 0 results.");
    }

    @Test
    void badInputMarksTheFieldAndRunsNothing() {
        LabView lab = open();
        lab.tensorForm().cols().setValue(5000);
        _click(_get(Button.class, spec -> spec.withText("Quantize")));
        assertThat(lab.running()).isFalse();
        assertThat(lab.tensorForm().cols().isInvalid()).isTrue();
        assertThat(lab.tensorForm().cols().getErrorMessage()).contains("4096");
        assertThat(lab.results().outcomes()).isEmpty();
        // The browser's own check as the user types (rows = 100000) says the bound too, never a bare red mark.
        assertThat(lab.tensorForm().rows().getI18n().getMaxErrorMessage()).isEqualTo("A whole number from 1 to 4,096.");
        assertThat(lab.tensorForm().rows().getHelperText()).isEqualTo("1 to 4,096");
    }

    @Test
    void pastedCsvAndUploadedNpyAreQuantized() throws InterruptedException {
        LabView lab = open();
        lab.tensorForm().source().setValue(LabTensorForm.OWN);
        lab.tensorForm().pasted().setValue("1, 2, 3, 4\n-1, -2, -3, -4.5");
        choose(LabChoice.INT8_CHANNEL);
        _click(_get(Button.class, spec -> spec.withText("Quantize")));
        awaitDone(lab);
        LabResult r = lab.results().outcomes().get(0).result().orElseThrow();
        assertThat(r.dequantized().rows()).isEqualTo(2);
        assertThat(r.dequantized().cols()).isEqualTo(4);

        lab.tensorForm().pasted().clear();
        lab.tensorForm().uploaded("w.npy", npy(3, 2, new float[] {0.5f, -0.25f, 1f, 2f, -3f, 0f}));
        _click(_get(Button.class, spec -> spec.withText("Quantize")));
        awaitDone(lab);
        assertThat(lab.results().outcomes().get(0).result().orElseThrow().dequantized().rows()).isEqualTo(3);

        lab.tensorForm().uploaded("broken.npy", "not numpy".getBytes(StandardCharsets.US_ASCII));
        assertThat(lab.tensorForm().pasted().isInvalid()).isTrue();
        assertThat(lab.tensorForm().pasted().getErrorMessage()).contains("broken.npy").contains("magic");
    }

    private static String status() {
        return _get(Span.class, spec -> spec.withClasses("bw-lab-status")).getText();
    }

    private static void poll() {
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
        MockVaadin.clientRoundtrip(false);
    }

    /** A run that holds a worker until {@code gate} opens. */
    private LabWorkers.Ticket blocker(Object session, String client, CountDownLatch gate) {
        return workers.submit(session, client, () -> {
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }, () -> { }).orElseThrow();
    }

    private static void awaitStarted(List<LabWorkers.Ticket> tickets) throws InterruptedException {
        for (int i = 0; i < 1000 && !tickets.stream().allMatch(LabWorkers.Ticket::started); i++) {
            Thread.sleep(10);
        }
        assertThat(tickets).allMatch(LabWorkers.Ticket::started);
    }

    /** With every worker busy the page says how many jobs are ahead, updates it, and then runs. */
    @Test
    void aQueuedRunShowsItsPlaceAndRunsWhenAWorkerIsFree() throws InterruptedException {
        LabView lab = open();
        lab.tensorForm().rows().setValue(8);
        lab.tensorForm().cols().setValue(64);
        choose(LabChoice.INT8_CHANNEL);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<LabWorkers.Ticket> busy = new ArrayList<>();
            for (int i = 0; i < workers.threadCount(); i++) {
                busy.add(blocker("busy session " + i, "192.0.2." + i, gate));
            }
            awaitStarted(busy);
            LabWorkers.Ticket earlier = blocker("earlier session", "198.51.100.9", gate);
            _click(_get(Button.class, spec -> spec.withText("Quantize")));
            assertThat(lab.running()).isTrue();
            assertThat(status()).isEqualTo("Queued: 1 job ahead.");
            earlier.withdraw();
            poll();
            assertThat(status()).isEqualTo("Queued: next to start.");
            assertThat(lab.results().outcomes()).isEmpty();
        } finally {
            gate.countDown();
        }
        awaitDone(lab);
        assertThat(lab.results().outcomes()).hasSize(1);
        assertThat(status()).isEqualTo("Done: 1 result.");
    }

    /** One run per browser session: a second tab's run is refused while the first is queued or running. */
    @Test
    void aSecondRunOfTheSameSessionIsRefusedWithAMessage() throws InterruptedException {
        LabView lab = open();
        CountDownLatch gate = new CountDownLatch(1);
        LabWorkers.Ticket otherTab = blocker(UI.getCurrent().getSession(), "203.0.113.1", gate);
        try {
            _click(_get(Button.class, spec -> spec.withText("Quantize")));
            assertThat(lab.running()).isFalse();
            assertThat(status()).startsWith("Another lab run of this browser session is queued or running");
        } finally {
            gate.countDown();
        }
        awaitStarted(List.of(otherTab));
    }

    /** Cancelling a run that is still queued ends it at once; it never takes a worker. */
    @Test
    void aQueuedRunCanBeCancelledAtOnce() throws InterruptedException {
        LabView lab = open();
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<LabWorkers.Ticket> busy = new ArrayList<>();
            for (int i = 0; i < workers.threadCount(); i++) {
                busy.add(blocker("busy session " + i, "192.0.2." + i, gate));
            }
            awaitStarted(busy);
            _click(_get(Button.class, spec -> spec.withText("Quantize")));
            assertThat(status()).isEqualTo("Queued: next to start.");
            _click(_get(Button.class, spec -> spec.withText("Cancel")));
            MockVaadin.clientRoundtrip(false);
            assertThat(lab.running()).isFalse();
            assertThat(status()).isEqualTo("Cancelled after 0 results.");
        } finally {
            gate.countDown();
        }
    }

    /** Work is bounded like the API's: no choice over 30 s of estimated CPU time, no run over 2 minutes. */
    @Test
    void aRunLargerThanTheLabAllowsIsRefusedBeforeItIsQueued() {
        LabView lab = open();
        lab.tensorForm().rows().setValue(4096);
        lab.tensorForm().cols().setValue(4096);
        choose(LabChoice.AWQ_INT4);
        _click(_get(Button.class, spec -> spec.withText("Quantize")));
        assertThat(lab.running()).isFalse();
        @SuppressWarnings("unchecked")
        CheckboxGroup<LabChoice> group = _get(CheckboxGroup.class);
        assertThat(group.isInvalid()).isTrue();
        assertThat(group.getErrorMessage()).startsWith("AWQ INT4 group 128 on 4096 × 4096 is estimated at ")
                .endsWith("of CPU time; one choice may take at most 30.0 s. Use a smaller tensor or leave it out.");

        choose(LabChoice.FP16, LabChoice.BF16, LabChoice.FP8_E4M3, LabChoice.INT8_CHANNEL, LabChoice.INT4_G128,
                LabChoice.NF4, LabChoice.NF4_DQ, LabChoice.FP4, LabChoice.Q8_0, LabChoice.Q4_0);
        _click(_get(Button.class, spec -> spec.withText("Quantize")));
        assertThat(lab.running()).isFalse();
        assertThat(group.getErrorMessage()).startsWith("These 10 choices on 4096 × 4096 are estimated at 2.")
                .contains("a run may take at most 2.0 min");
        assertThat(status()).isEqualTo("This run is larger than the lab allows.");
    }

    /** The size bound holds on the server: a body one byte over it is refused with the limit, not parsed. */
    @Test
    void anUploadOverTheLimitIsRefusedByTheServerAndAFileWithinItLoads() {
        LabView lab = open();
        lab.tensorForm().source().setValue(LabTensorForm.OWN);
        Upload upload = _get(Upload.class);
        UploadKt._upload(upload, "huge.npy", "application/octet-stream", new byte[LabTensorForm.MAX_UPLOAD_BYTES + 1]);
        assertThat(lab.tensorForm().pasted().isInvalid()).isTrue();
        assertThat(lab.tensorForm().pasted().getErrorMessage())
                .isEqualTo("huge.npy: The file is larger than 16 MiB, the most this page accepts.");

        UploadKt._upload(upload, "w.npy", "application/octet-stream", npy(3, 2, new float[] {1, 2, 3, 4, 5, 6}));
        assertThat(_get(Span.class, spec -> spec.withText("w.npy: 3 × 2 values loaded."))).isNotNull();
    }

    /** A version 1.0 .npy file as numpy.save writes it (little-endian float32, C order). */
    private static byte[] npy(int rows, int cols, float[] values) {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        int unpadded = 10 + header.length() + 1;
        header = header + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xFF);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer data = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            data.putFloat(v);
        }
        out.writeBytes(data.array());
        return out.toByteArray();
    }
}
