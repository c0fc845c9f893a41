package app.bytewise.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.Option;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionId;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.Solution;
import app.bytewise.drill.Topic;
import app.bytewise.drill.answer.Unit;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The export's structure, as Moodle's importer reads it (https://docs.moodle.org/en/Moodle_XML_format). */
class MoodleXmlTest extends ClassroomTestBase {

    @Test
    void aQuizExportsAsWellFormedMoodleXmlWithReproducibleVariants() throws Exception {
        var teacher = instructor();
        Quiz quiz = quizzes.create(teacher, settings(4, QuizMode.MIXED, SeedPolicy.PER_STUDENT, 1));
        String xml = quizzes.moodleXml(teacher, quiz.getId(), 3);
        assertThat(quizzes.moodleXml(teacher, quiz.getId(), 3)).isEqualTo(xml);
        Document doc = parse(xml);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("quiz");
        List<Element> questions = children(doc.getDocumentElement(), "question");
        // As Moodle's importer reads it (format.php, import_category): each question goes into the
        // category element that last preceded it. One category per slot, holding its 3 variants.
        java.util.Map<String, List<Element>> filed = new java.util.LinkedHashMap<>();
        String current = null;
        for (Element q : questions) {
            if (q.getAttribute("type").equals("category")) {
                current = text(child(q, "category"), "text");
                assertThat(filed).doesNotContainKey(current);
                filed.put(current, new java.util.ArrayList<>());
            } else {
                assertThat(current).as("a question before any category").isNotNull();
                filed.get(current).add(q);
            }
        }
        assertThat(filed).hasSize(4);
        int slot = 1;
        for (var category : filed.entrySet()) {
            assertThat(category.getKey()).startsWith("$course$/top/Bytewise/" + quiz.getTitle().replace('/', '-')
                    + "/Question " + slot++ + " – ");
            assertThat(category.getValue()).hasSize(3);
            // A slot's variants are the same template with other numbers, so a random pick is fair.
            assertThat(category.getValue().stream().map(q -> text(q, "idnumber").replaceAll("\\.[cn]\\.[0-9a-f]+$", ""))
                    .distinct()).hasSize(1);
        }
        List<Element> asked = questions.stream().filter(q -> !q.getAttribute("type").equals("category")).toList();
        assertThat(asked).hasSize(4 * 3);
        assertThat(asked.stream().map(q -> text(q, "idnumber")).distinct()).hasSize(12);
        for (Element q : asked) {
            assertStructure(q);
        }
    }

    @Test
    void specialCharactersAreEscapedAndMisconceptionsNamedInFeedback() throws Exception {
        Solution solution = new Solution(List.of(), "Bytes <add> up & up", "/lessons/x");
        Question choice = new Question(new QuestionId("t-one", QuestionKind.CHOICE, 1), Topic.KV_CACHE,
                Difficulty.EASY, QuestionKind.CHOICE, "Is 2 < 3 & \"so\" 'on'?",
                List.of(new Option("A", "Yes <b>", true, null, "Right."),
                        new Option("B", "No & never", false, Misconception.KV_NO_FACTOR_TWO, "Keys & values.")),
                Optional.empty(), Map.of(), solution);
        Question numeric = new Question(new QuestionId("t-two", QuestionKind.NUMERIC, 2), Topic.WEIGHT_MEMORY,
                Difficulty.MEDIUM, QuestionKind.NUMERIC, "How many GB?", List.of(),
                Optional.of(NumericAnswer.bytes(13_476_831_232L, Unit.GB)),
                Map.of(Misconception.GIB_AS_GB, new BigDecimal(12_551_000_000L)), solution);
        String xml = MoodleXml.write("Bytewise/A & B", List.of(choice, numeric));
        assertThat(xml).contains("Is 2 &amp;lt; 3 &amp;amp; &amp;quot;so&amp;quot; 'on'?");
        Document doc = parse(xml);
        List<Element> questions = children(doc.getDocumentElement(), "question");
        assertThat(text(child(questions.get(0), "category"), "text")).isEqualTo("$course$/top/Bytewise/A & B");
        Element mc = questions.get(1);
        assertStructure(mc);
        assertThat(text(child(mc, "questiontext"), "text")).isEqualTo("<p>Is 2 &lt; 3 &amp; &quot;so&quot; 'on'?</p>");
        Element wrong = children(mc, "answer").get(1);
        assertThat(text(child(wrong, "feedback"), "text"))
                .isEqualTo("<p>Misconception: Forgot the factor 2 for keys and values. Keys &amp; values.</p>");

        Element num = questions.get(2);
        assertStructure(num);
        List<Element> answers = children(num, "answer");
        assertThat(text(answers.get(0), "text")).isEqualTo("13.48");
        assertThat(new BigDecimal(text(answers.get(0), "tolerance"))).isEqualByComparingTo("0.269537");
        assertThat(text(answers.get(1), "text")).isEqualTo("12.55");
        assertThat(text(child(answers.get(1), "feedback"), "text")).contains("Used GiB where GB was asked");
        assertThat(text(answers.get(2), "text")).isEqualTo("*");
        List<Element> units = children(child(num, "units"), "unit");
        assertThat(text(units.get(0), "unit_name")).isEqualTo("GB");
        assertThat(text(units.get(0), "multiplier")).isEqualTo("1");
        assertThat(units).anySatisfy(u -> {
            assertThat(text(u, "unit_name")).isEqualTo("MB");
            assertThat(text(u, "multiplier")).isEqualTo("1000");
        });
    }

    /** Moodle's required parts: name, HTML question text, answers with fractions (one 100 for single choice). */
    private static void assertStructure(Element q) {
        assertThat(q.getAttribute("type")).isIn("multichoice", "numerical");
        assertThat(text(child(q, "name"), "text")).isNotBlank();
        assertThat(child(q, "questiontext").getAttribute("format")).isEqualTo("html");
        assertThat(text(child(q, "questiontext"), "text")).startsWith("<p>");
        List<Element> answers = children(q, "answer");
        assertThat(answers).isNotEmpty().allSatisfy(a -> assertThat(a.getAttribute("fraction")).isIn("0", "100"));
        assertThat(answers).filteredOn(a -> a.getAttribute("fraction").equals("100")).hasSize(1);
        assertThat(answers).allSatisfy(a -> assertThat(child(a, "feedback").getAttribute("format")).isEqualTo("html"));
        if (q.getAttribute("type").equals("multichoice")) {
            assertThat(text(q, "single")).isEqualTo("true");
            assertThat(answers.size()).isGreaterThanOrEqualTo(2);
        } else {
            assertThat(answers).allSatisfy(a -> assertThat(new BigDecimal(text(a, "tolerance"))).isNotNegative());
            assertThat(text(q, "showunits")).isIn("0", "3");
            assertThat(text(q, "showunits").equals("0")).isEqualTo(!children(q, "units").isEmpty());
        }
        assertThat(Set.of("multichoice", "numerical")).contains(q.getAttribute("type"));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<%s> in <%s>", name, parent.getTagName()).hasSize(1);
        return found.get(0);
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }
}
