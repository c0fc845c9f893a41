package app.bytewise.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SimilarIdsTest {

    private static final ModelCatalog CATALOG = ModelCatalog.load();

    @Test
    void theHuggingFaceSpellingOfAnIdFindsTheCatalogEntryFirst() {
        assertThat(CATALOG.similar("llama-3.1-8b", 3)).extracting(CatalogModel::id).first().isEqualTo("llama-3-1-8b");
        assertThat(CATALOG.similar("Qwen3_30B_A3B", 3)).extracting(CatalogModel::id).first().isEqualTo("qwen3-30b-a3b");
        assertThat(CATALOG.similar("deepseek-v3.1", 3)).extracting(CatalogModel::id).first().isEqualTo("deepseek-v3");
    }

    @Test
    void unrelatedIdsFindNothing() {
        assertThat(CATALOG.similar("stable-diffusion-xl", 3)).isEmpty();
        assertThat(CATALOG.similar("  ", 3)).isEmpty();
    }

    @Test
    void levenshteinDistanceIsTheTextbookOne() {
        assertThat(SimilarIds.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(SimilarIds.distance("", "abc")).isEqualTo(3);
        assertThat(SimilarIds.distance("gpt2-xl", "gpt2-xl")).isZero();
        assertThat(SimilarIds.closest("h10", List.of("h100-sxm", "a100", "l4"), Function.identity(), 2))
                .containsExactly("h100-sxm", "a100"); // containing it ranks before being 2 edits away
    }
}
