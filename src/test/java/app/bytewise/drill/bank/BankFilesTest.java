package app.bytewise.drill.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.drill.Misconception;
import app.bytewise.drill.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every bank file parses under the rules of {@code content/questions/README.md}, one file at a time. */
class BankFilesTest {

    static String read(Topic topic) throws IOException {
        try (InputStream in = BankFilesTest.class.getClassLoader()
                .getResourceAsStream("content/questions/" + QuestionBank.fileName(topic))) {
            assertThat(in).as("content/questions/" + QuestionBank.fileName(topic)).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void eachFileParsesAndEveryWrongOptionNamesItsMistake(Topic topic) throws IOException {
        List<BankQuestion> questions = BankParser.parse(QuestionBank.fileName(topic), read(topic));
        assertThat(questions).hasSizeGreaterThanOrEqualTo(8).allMatch(q -> q.topic() == topic);
        for (BankQuestion q : questions) {
            for (BankQuestion.BankOption o : q.options()) {
                assertThat(o.misconception() == null).as(q.id() + ": " + o.text()).isEqualTo(o.correct());
                assertThat(o.misconception()).isNotEqualTo(Misconception.WRONG_OPTION);
            }
            // One mistake per wrong option: two options naming the same mistake could not be told apart.
            assertThat(q.options().stream().filter(o -> !o.correct()).map(BankQuestion.BankOption::misconception)
                    .distinct().count()).as(q.id()).isEqualTo(q.options().size() - 1L);
        }
    }

    @Test
    void idsAreUnique() {
        Set<String> ids = new HashSet<>();
        QuestionBank.load().forEach(q -> assertThat(ids.add(q.id())).as(q.id()).isTrue());
    }

    @Test
    void aWrongOptionWithoutItsMistakeIsRefusedWithTheLine() {
        String q = """
                ## a-question
                topic: ZERO
                difficulty: 1
                question: Q?
                - [x] right
                  why: yes
                - [ ] wrong one
                  why: no
                - [ ] wrong two
                  why: no
                  miss: WRONG_ZERO_STAGE
                - [ ] wrong three
                  why: no
                  miss: ZERO_FIXED_FACTORS
                takeaway: t
                source: s
                """;
        assertThatThrownBy(() -> BankParser.parse("f.md", q)).hasMessageContaining("f.md:1")
                .hasMessageContaining("'wrong one' needs a 'miss:' line");
        assertThatThrownBy(() -> BankParser.parse("f.md",
                q.replace("  why: no\n- [ ] wrong two", "  why: no\n  miss: NO_SUCH\n- [ ] wrong two")))
                .hasMessageContaining("f.md:9: unknown misconception 'NO_SUCH'");
        assertThatThrownBy(() -> BankParser.parse("f.md",
                q.replace("  why: no\n- [ ] wrong two", "  why: no\n  miss: ZERO_FIXED_FACTORS\n- [ ] wrong two")))
                .hasMessageContaining("two wrong options name the same mistake");
        assertThatThrownBy(() -> BankParser.parse("f.md", q.replace("  why: yes\n", "  why: yes\n  miss: WRONG_ZERO_STAGE\n")))
                .hasMessageContaining("is correct and must not have a 'miss:' line");
    }
}
