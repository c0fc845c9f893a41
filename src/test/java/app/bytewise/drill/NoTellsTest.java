package app.bytewise.drill;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.template.DrillContext;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A candidate who knows nothing must not pass by picking the longest option, the shortest or the most
 * precise. Over the whole bank, and over 200 seeds of every template, the correct option may be the
 * strict longest (shortest, most digits) at most as often as chance allows (the mean of 1/n over the
 * questions) plus {@value #SLACK}.
 */
class NoTellsTest {

    static final double SLACK = 0.15;
    private static final TemplateCatalog CATALOG = new TemplateCatalog(DrillContext.load());

    enum Tell {
        LONGEST(o -> o.text().length()),
        SHORTEST(o -> -o.text().length()),
        MOST_DIGITS(o -> (int) o.text().chars().filter(Character::isDigit).count());

        final ToIntFunction<Option> measure;

        Tell(ToIntFunction<Option> measure) {
            this.measure = measure;
        }

        /** Whether the correct option alone has the largest measure. */
        boolean gives(Question q) {
            int correct = q.options().stream().filter(Option::correct).mapToInt(measure).findFirst().orElseThrow();
            return q.options().stream().filter(o -> !o.correct()).allMatch(o -> measure.applyAsInt(o) < correct);
        }
    }

    static void assertNoTell(String what, List<Question> questions) {
        double chance = questions.stream().mapToDouble(q -> 1.0 / q.options().size()).average().orElseThrow();
        for (Tell tell : Tell.values()) {
            long given = questions.stream().filter(tell::gives).count();
            assertThat((double) given / questions.size())
                    .as("%s: the correct option is the %s in %d of %d questions (chance %.2f)", what, tell, given,
                            questions.size(), chance)
                    .isLessThanOrEqualTo(chance + SLACK);
        }
    }

    @Test
    void theBankHasNoTell() {
        List<Question> bank = CATALOG.all().stream().filter(t -> t.id().startsWith("bank-"))
                .map(t -> t.generate(1, QuestionKind.CHOICE)).toList();
        assertThat(bank).hasSizeGreaterThanOrEqualTo(96);
        assertNoTell("bank", bank);
    }

    static Stream<QuestionTemplate> templates() {
        return CATALOG.all().stream().filter(t -> !t.id().startsWith("bank-"));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void noTemplateHasATell(QuestionTemplate t) {
        List<Question> drawn = Stream.iterate(0L, s -> s + 1).limit(200)
                .map(seed -> t.generate(seed, QuestionKind.CHOICE)).toList();
        assertNoTell(t.id(), drawn);
    }
}
