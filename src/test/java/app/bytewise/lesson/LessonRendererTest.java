package app.bytewise.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.catalog.ModelCatalog;
import org.junit.jupiter.api.Test;

class LessonRendererTest {

    private static final Directives DIRECTIVES = new Directives(ModelCatalog.load(), GpuCatalog.load());
    private static final LessonRenderer RENDERER = new LessonRenderer(DIRECTIVES);

    private static final String SAMPLE = """
            ---
            title: "Sample: the KV cache"
            summary: A sample lesson for the renderer.
            slug: kv-cache
            topic: KV_CACHE
            order: 3
            prerequisites: precision-formats, weight-memory
            sources:
              - Pope et al. 2022, "Efficiently Scaling Transformer Inference"
            ---
            # The KV cache

            Llama-2-7B has {{params model=llama-2-7b}} parameters; at 32K tokens its cache takes
            {{kv model=llama-2-7b context=32768}}, that is $2 \\times L \\times n_{kv} \\times d_{head}$ per token.

            $$
            M_{kv} = 2 \\cdot L \\cdot n_{kv} \\cdot d_{head} \\cdot s \\cdot b \\cdot \\text{bytes}
            $$

            | format | bytes |
            |---|---|
            | FP16 | 2 |

            ```estimate
            model: llama-2-7b
            context: 32768
            ```

            See [weights](/lessons/weight-memory) and a note.[^1]

            [^1]: Bytes are exact.
            """;

    @Test
    void expandsDirectivesLiftsMathAndSlotsLiveExamples() {
        RenderedLesson r = RENDERER.render(LessonParser.parse("sample", SAMPLE));
        assertThat(r.lesson().title()).isEqualTo("Sample: the KV cache");
        assertThat(r.lesson().prerequisites()).containsExactly("precision-formats", "weight-memory");
        assertThat(r.segments()).hasSize(3);
        String before = ((RenderedLesson.Html) r.segments().get(0)).html();
        assertThat(before).contains("6,738,415,616").contains("17.18 GB (16.00 GiB)");
        // Math survives Markdown untouched (no <em> from the underscores) and is marked for KaTeX.
        assertThat(before).contains("data-tex=\"2 \\times L \\times n_{kv} \\times d_{head}\"");
        assertThat(before).contains("bw-math bw-math-display");
        assertThat(before).contains("<table>");
        assertThat(r.mathCount()).isEqualTo(2);
        assertThat(r.segments().get(1)).isEqualTo(new RenderedLesson.LiveExample(
                java.util.Map.of("model", "llama-2-7b", "context", "32768")));
        String after = ((RenderedLesson.Html) r.segments().get(2)).html();
        assertThat(after).contains("href=\"/lessons/weight-memory\"").contains("footnote");
        assertThat(r.links()).containsExactly("/lessons/weight-memory");
    }

    @Test
    void directivesAreComputedByTheEngine() {
        assertThat(DIRECTIVES.expand("{{weights params=7e9 format=fp16}}")).isEqualTo("14.00 GB (13.04 GiB)");
        assertThat(DIRECTIVES.expand("{{states params=7.5e9 zero=3 gpus=64}}")).isEqualTo("1.88 GB (1.75 GiB)");
        assertThat(DIRECTIVES.expand("{{bubble p=4 m=8 kind=megatron}}")).isEqualTo("37.5%");
        assertThat(DIRECTIVES.expand("{{kv-per-token model=llama-2-7b}}")).isEqualTo("512 KiB");
        assertThat(DIRECTIVES.expand("{{bpw model=llama-2-7b format=gguf:Q4_K_M}}")).isEqualTo("4.84");
        assertThat(DIRECTIVES.expand("{{gpu id=a100-80gb-sxm field=memory}}")).isEqualTo("80 GiB (85.90 GB)");
    }

    @Test
    void unknownDirectivesAndKeysAreErrors() {
        assertThatThrownBy(() -> DIRECTIVES.expand("{{magic x=1}}")).isInstanceOf(DirectiveException.class);
        assertThatThrownBy(() -> DIRECTIVES.expand("{{params model=llama-2-7b color=red}}"))
                .hasMessageContaining("color");
        assertThatThrownBy(() -> DIRECTIVES.expand("{{params model=no-such-model}}")).hasMessageContaining("no-such-model");
        assertThatThrownBy(() -> DIRECTIVES.expand("{{params model=llama-2-7b")).isInstanceOf(DirectiveException.class);
    }
}
