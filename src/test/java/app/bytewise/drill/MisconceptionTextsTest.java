package app.bytewise.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every misconception is explained once, in the file of the topic whose lesson teaches it. */
class MisconceptionTextsTest {

    @Test
    void everyMisconceptionHasATitleAnExplanationAndALesson() {
        Set<String> titles = new HashSet<>();
        for (Misconception m : Misconception.values()) {
            assertThat(m.title()).as(m.name()).isNotBlank().doesNotEndWith(".");
            assertThat(m.explanation()).as(m.name()).isNotBlank().endsWith(".");
            assertThat(titles.add(m.title())).as("title of %s used twice: %s", m, m.title()).isTrue();
            // Recorded answers store the name in a 40-character column.
            assertThat(m.name().length()).as(m.name()).isLessThanOrEqualTo(40);
            if (m != Misconception.WRONG_OPTION) {
                assertThat(m.lesson()).startsWith("/lessons/").isEqualTo(Lessons.of(m.topic().orElseThrow()));
            }
        }
        assertThat(Misconception.KV_NO_FACTOR_TWO.topic()).contains(Topic.KV_CACHE);
        assertThat(Misconception.LABEL_AS_USABLE.lesson()).isEqualTo("/lessons/activations-and-inference");
    }

    @Test
    void aBadFileIsRefusedWithItsLine() {
        Map<Misconception, MisconceptionTexts.Text> into = new EnumMap<>(Misconception.class);
        assertThatThrownBy(() -> MisconceptionTexts.parse("f.md", "# t\n\n## NO_SUCH\ntitle: x\nexplanation: y.\n",
                Topic.ZERO, into)).hasMessageContaining("f.md:3: 'NO_SUCH' is not a constant");
        assertThatThrownBy(() -> MisconceptionTexts.parse("f.md", "## WRONG_ZERO_STAGE\ntitle: x\n", Topic.ZERO, into))
                .hasMessageContaining("f.md:1: WRONG_ZERO_STAGE needs 'title:' and 'explanation:'");
        MisconceptionTexts.parse("f.md", "## WRONG_ZERO_STAGE\ntitle: x\nexplanation: y.\n", Topic.ZERO, into);
        assertThatThrownBy(() -> MisconceptionTexts.parse("g.md", "## WRONG_ZERO_STAGE\ntitle: x\nexplanation: y.\n",
                Topic.ZERO, into)).hasMessageContaining("g.md:1: WRONG_ZERO_STAGE is explained twice");
    }
}
