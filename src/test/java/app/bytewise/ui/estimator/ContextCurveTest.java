package app.bytewise.ui.estimator;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.engine.TestModels;
import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.inference.InferenceRequest;
import app.bytewise.engine.inference.KvFormat;
import java.io.StringReader;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.junit.jupiter.api.Test;

class ContextCurveTest {

    private static final InferenceRequest LLAMA_2_7B_FP16_ON_A10G = InferenceRequest
            .of(TestModels.model("llama-2-7b"), Formats.parse("fp16"))
            .withKvCache(KvFormat.FP16).withContext(4096, 1)
            .onGpus(GpuCatalog.load().require("a10g", "gpu"), 1);

    @Test
    void contextsDoubleFrom512ToTheModelsContext() {
        ContextCurve curve = ContextCurve.of(LLAMA_2_7B_FP16_ON_A10G);
        // Llama-2's config: max_position_embeddings 4096.
        assertThat(curve.points()).extracting(ContextCurve.Point::contextTokens)
                .containsExactly(512L, 1024L, 2048L, 4096L);
        assertThat(curve.modelContext()).isEqualTo(4096);
        // The A10G's line is what its driver reports, 23,028 MiB with ECC on (NVIDIA/DCGM#232), not its 24 GiB label.
        assertThat(curve.gpuBytes()).isEqualTo(23_028L << 20);
    }

    @Test
    void eachDoublingAddsAtLeastTheKvCacheLlamaCppReports() {
        // llama.cpp: "KV self size = 2048.00 MiB" for Llama-2-7B at n_ctx 4096 in f16, i.e. 512 KiB per
        // token; going from c to 2c tokens must add at least c x 512 KiB (activations may add more).
        List<ContextCurve.Point> points = ContextCurve.of(LLAMA_2_7B_FP16_ON_A10G).points();
        for (int i = 1; i < points.size(); i++) {
            long added = points.get(i).totalBytes() - points.get(i - 1).totalBytes();
            assertThat(added).isGreaterThanOrEqualTo(points.get(i - 1).contextTokens() * (512L << 10));
        }
    }

    @Test
    void theChartIsAScalableSvgWithRealTextAndTheTextAlternativeNamesEveryPoint() throws Exception {
        ContextCurve curve = ContextCurve.of(LLAMA_2_7B_FP16_ON_A10G);
        Element svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(curve.svg(720, 300)))).getDocumentElement();
        assertThat(svg.getTagName()).isEqualTo("svg");
        // Laid out at twice the CSS size; the viewBox lets the browser draw it at any pixel ratio.
        assertThat(svg.getAttribute("viewBox")).isEqualTo("0 0 1440 600");
        NodeList texts = svg.getElementsByTagName("text");
        List<String> words = IntStream.range(0, texts.getLength()).mapToObj(i -> texts.item(i).getTextContent()).toList();
        // Plain labels stay text; rotated and log-axis labels come out as glyph outlines, vectors all the same.
        assertThat(words).contains("Context (tokens)", "GPU memory ", "0", "24");
        assertThat(svg.getElementsByTagName("image").getLength()).as("no embedded bitmaps").isZero();
        assertThat(curve.describe()).contains("512 tokens").contains("4096 tokens")
                .contains("GPU memory 24.15 GB (22.49 GiB)");
    }

    @Test
    void aContextBeyondTheModelsIsDrawnApartWithTheLimitMarked() throws Exception {
        ContextCurve curve = ContextCurve.of(LLAMA_2_7B_FP16_ON_A10G.withContext(12_000, 1));
        assertThat(curve.points()).extracting(ContextCurve.Point::contextTokens)
                .containsExactly(512L, 1024L, 2048L, 4096L, 8192L, 12_000L);
        assertThat(curve.describe()).contains("The model's context: 4,096 tokens; longer contexts are drawn dashed");
        Element svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(curve.svg(720, 300)))).getDocumentElement();
        NodeList texts = svg.getElementsByTagName("text");
        assertThat(IntStream.range(0, texts.getLength()).mapToObj(i -> texts.item(i).getTextContent()))
                .anyMatch(t -> t.contains("model's context 4,096"));
    }

    @Test
    void aModelWhoseLimitIsNotAPowerOfTwoEndsExactlyAtIt() {
        // Qwen3-32B's config: max_position_embeddings 40960.
        ContextCurve curve = ContextCurve.of(InferenceRequest.of(TestModels.model("qwen3-32b"), Formats.parse("bf16"))
                .withContext(4096, 1));
        assertThat(curve.points()).extracting(ContextCurve.Point::contextTokens).endsWith(32_768L, 40_960L);
    }
}
