package app.bytewise.drill;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.template.DrillContext;
import app.bytewise.engine.catalog.CatalogModel;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No question sets a catalog model to work on more tokens than its config says it is made for. */
class ContextWithinLimitTest {

    private static final DrillContext CONTEXT = DrillContext.load();
    private static final TemplateCatalog CATALOG = new TemplateCatalog(CONTEXT);
    private static final Pattern TOKENS = Pattern.compile("([\\d,]+)[- ]token");
    /** Longest names first, so "Llama-2-70B" is not read as "Llama-2-7B". */
    private static final List<CatalogModel> MODELS = CONTEXT.models().all().stream()
            .sorted(Comparator.comparingInt((CatalogModel m) -> m.name().length()).reversed()).toList();

    static Stream<QuestionTemplate> templates() {
        return CATALOG.all().stream();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void contextsStayWithinTheModelsLimit(QuestionTemplate t) {
        for (long seed = 0; seed < 150; seed++) {
            String text = t.generate(seed, QuestionKind.NUMERIC).text();
            List<CatalogModel> named = MODELS.stream().filter(m -> text.contains(m.name())).toList();
            if (named.size() != 1 || named.getFirst().model().contextLimit() == 0) {
                continue;
            }
            long limit = named.getFirst().model().contextLimit();
            Matcher m = TOKENS.matcher(text);
            while (m.find()) {
                long tokens = Long.parseLong(m.group(1).replace(",", ""));
                assertThat(tokens).as("%s seed %d: %s", t.id(), seed, text).isLessThanOrEqualTo(limit);
            }
        }
    }
}
