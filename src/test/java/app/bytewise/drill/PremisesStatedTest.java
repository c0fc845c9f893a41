package app.bytewise.drill;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.template.DrillContext;
import app.bytewise.engine.Step;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a worked solution relies on is stated in the question: a cache capped by a sliding window,
 * paged allocation, the GPU's usable memory. And the solution reads as a derivation: no float
 * artifacts (0.45599999999999996) in what it shows, no empty phrases.
 */
class PremisesStatedTest {

    private static final TemplateCatalog CATALOG = new TemplateCatalog(DrillContext.load());
    /** Ten or more digits after a point, or a run of 9s or 0s ending in a stray digit: binary floats printed raw. */
    private static final Pattern FLOAT_ARTIFACT = Pattern.compile("\\d\\.\\d{10,}|\\.\\d*(9{6,}|0{6,})\\d");

    static Stream<QuestionTemplate> templates() {
        return CATALOG.all().stream().filter(QuestionTemplate::numeric);
    }

    @ParameterizedTest
    @MethodSource("templates")
    void aSlidingWindowOrPagingTheAnswerUsesIsInTheQuestion(QuestionTemplate t) {
        for (long seed = 0; seed < 120; seed++) {
            Question q = t.generate(seed, QuestionKind.NUMERIC);
            String notes = String.join(" ", q.solution().steps().stream().map(Step::note).toList());
            if (notes.contains("sliding window and keeps only")) {
                assertThat(q.text()).as("%s seed %d", t.id(), seed).contains("sliding window");
            }
            if (notes.contains("Paged allocation")) {
                assertThat(q.text()).as("%s seed %d", t.id(), seed).containsPattern("(?i)page|block");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void solutionsShowNoFloatArtifacts(QuestionTemplate t) {
        for (long seed = 0; seed < 60; seed++) {
            Question q = t.generate(seed, QuestionKind.CHOICE);
            StringBuilder shown = new StringBuilder(q.text()).append('\n').append(q.solution().takeaway());
            q.options().forEach(o -> shown.append('\n').append(o.text()).append(' ').append(o.explanation()));
            for (Step s : q.solution().steps()) {
                shown.append('\n').append(s.name()).append(' ').append(s.formula()).append(' ').append(s.note());
                s.inputs().forEach(i -> shown.append(' ').append(i.value()));
            }
            assertThat(shown.toString()).as("%s seed %d", t.id(), seed).doesNotContainPattern(FLOAT_ARTIFACT)
                    .doesNotContain("read in .").doesNotContain("null");
        }
    }

    /** "1 sequences", "at 1 bytes": a drawn one reads in the singular. */
    @ParameterizedTest
    @MethodSource("templates")
    void aDrawnOneReadsInTheSingular(QuestionTemplate t) {
        for (long seed = 0; seed < 120; seed++) {
            Question q = t.generate(seed, QuestionKind.NUMERIC);
            assertThat(q.text()).as("%s seed %d", t.id(), seed)
                    .doesNotContainPattern("(?<![\\d.,])1 (sequences|KV heads|attention heads|GPUs|bytes|tokens|layers|slots)\\b");
        }
    }

    @org.junit.jupiter.api.Test
    void pluralsAfterOneAreMadeSingular() {
        assertThat(Plurals.singularAfterOne("serves 1 sequences on 1 GPUs at 1 bytes per value, 0.1 bytes, 11 layers"))
                .isEqualTo("serves 1 sequence on 1 GPU at 1 byte per value, 0.1 bytes, 11 layers");
    }
}
