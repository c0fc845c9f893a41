package app.bytewise.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every catalog model, counted tensor by tensor from its real config.json, matches its published count. */
class ModelCatalogTest {

    private static final ModelCatalog CATALOG = ModelCatalog.load();

    @Test
    void indexListsEveryModelFile() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/catalog/models"))) {
            List<String> ids = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.equals("index.json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            assertThat(CATALOG.all().stream().map(CatalogModel::id).sorted().toList()).isEqualTo(ids);
        }
    }

    @Test
    void everyPublishedCountIsMatchedExactly() {
        List<CatalogModel> published = CATALOG.all().stream().filter(m -> m.publishedParameters() != null).toList();
        assertThat(published).hasSizeGreaterThanOrEqualTo(20);
        assertThat(published.stream().filter(m -> m.publishedRoundedTo() == 1)).allSatisfy(m ->
                assertThat(m.model().parameters()).as("%s (%s)", m.id(), m.publishedSource())
                        .isEqualTo(m.publishedParameters()));
        // Counts published rounded (DeepSeek-V3's 671B, Kimi K2's 1T, Jamba's 52B, Qwen3-Next's 80B) are matched
        // once rounded alike; HybridFamilyCountTest checks the last two against exact checkpoint counts.
        assertThat(published).allSatisfy(m -> assertThat(m.matchesPublished()).as(m.id()).isTrue());
        assertThat(published.stream().filter(m -> m.publishedRoundedTo() > 1)).extracting(CatalogModel::id)
                .containsExactlyInAnyOrder("deepseek-v3", "kimi-k2-instruct", "mistral-nemo-base-2407",
                        "phi-3-5-moe-instruct", "jamba-v0-1",
                        "qwen3-next-80b-a3b-instruct");
    }

    @Test
    void headlineCountsFromTheModelCards() {
        assertThat(params("llama-2-7b")).isEqualTo(6_738_415_616L);
        assertThat(params("meta-llama-3-8b")).isEqualTo(8_030_261_248L);
        assertThat(params("mistral-7b-v0-1")).isEqualTo(7_241_732_096L);
        assertThat(params("mixtral-8x7b-v0-1")).isEqualTo(46_702_792_704L);
        assertThat(params("gpt2")).isEqualTo(124_439_808L);
    }

    @Test
    void mixtralReportsItsActiveParameters() {
        // 8 experts, 2 per token: shared weights + 2/8 of the expert weights.
        assertThat(CATALOG.find("mixtral-8x7b-v0-1").orElseThrow().model().activeParameters()).isEqualTo(12_879_925_248L);
    }

    private static long params(String id) {
        return CATALOG.find(id).orElseThrow().model().parameters();
    }
}
