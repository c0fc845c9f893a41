package app.bytewise.classroom;

import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.Option;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.Tolerance;
import app.bytewise.drill.answer.Unit;
import app.bytewise.engine.Step;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes questions in Moodle XML for import into a question bank, following
 * https://docs.moodle.org/en/Moodle_XML_format: multichoice with one answer at fraction 100 and
 * per-answer feedback naming the misconception behind each wrong option; numerical with the expected
 * value, its tolerance, the misconception values as 0 % answers with their feedback, and the units.
 * Texts are HTML (escaped here), which the XML writer escapes once more, as Moodle expects.
 */
public final class MoodleXml {

    /** Moodle's numerical unit options (question/type/numerical): units typed in a text box, graded. */
    private static final String UNITS_TYPED = "0";
    private static final String UNITS_HIDDEN = "3";
    private static final String UNITS_GRADED_OUT_OF_RESPONSE = "1";
    private static final String UNITS_NOT_GRADED = "0";
    /** The drill's own rules: a right number in a wrong unit loses a quarter, a retry earns half. */
    private static final String UNIT_PENALTY = "0.25";
    private static final String RETRY_PENALTY = "0.5";

    private MoodleXml() {
    }

    /** A question-bank category (levels separated by '/') and the questions filed in it. */
    public record Category(String path, List<Question> questions) {
        public Category {
            questions = List.copyOf(questions);
        }
    }

    /** A quiz file with one category: the category, then the questions in order. */
    public static String write(String category, List<Question> questions) {
        return write(List.of(new Category(category, questions)));
    }

    /**
     * A quiz file with several categories. Moodle's importer (question/format/xml/format.php,
     * {@code import_category}) files every question under the category element that last preceded it,
     * so each category element is followed by its own questions. A quiz exports one category per slot
     * holding that slot's variants, which is what a Moodle "random question from category" draws from.
     */
    public static String write(List<Category> categories) {
        Document doc = newDocument();
        Element quiz = doc.createElement("quiz");
        doc.appendChild(quiz);
        for (Category category : categories) {
            Element cat = child(quiz, "question");
            cat.setAttribute("type", "category");
            text(child(cat, "category"), "$course$/top/" + category.path());
            for (Question q : category.questions()) {
                quiz.appendChild(q.kind() == QuestionKind.CHOICE ? multichoice(doc, q) : numerical(doc, q));
            }
        }
        return serialize(doc);
    }

    private static Element multichoice(Document doc, Question q) {
        Element e = common(doc, q, "multichoice");
        leaf(e, "single", "true");
        leaf(e, "shuffleanswers", "false"); // options keep the order the drill shows
        leaf(e, "answernumbering", "ABCD");
        html(child(e, "correctfeedback"), "Correct.");
        html(child(e, "partiallycorrectfeedback"), "Partly correct.");
        html(child(e, "incorrectfeedback"), "Not this time.");
        for (Option o : q.options()) {
            Element answer = child(e, "answer");
            answer.setAttribute("fraction", o.correct() ? "100" : "0");
            answer.setAttribute("format", "html");
            text(answer, paragraph(o.text()));
            html(child(answer, "feedback"), o.correct() ? "Correct. " + o.explanation() : wrongFeedback(o));
        }
        return e;
    }

    private static String wrongFeedback(Option o) {
        Misconception m = o.misconception();
        return m == null || m == Misconception.WRONG_OPTION ? o.explanation()
                : "Misconception: " + m.title() + ". " + o.explanation();
    }

    private static Element numerical(Document doc, Question q) {
        Element e = common(doc, q, "numerical");
        NumericAnswer n = q.numeric().orElseThrow();
        BigDecimal expected = n.displayed(n.value());
        BigDecimal tolerance = tolerance(n);
        numericAnswer(e, "100", expected, tolerance, "Correct: " + n.expected() + ".");
        for (Map.Entry<Misconception, BigDecimal> d : q.distractors().entrySet()) {
            BigDecimal value = n.displayed(d.getValue());
            // A misconception's value inside the correct interval would never be reached; leave it out.
            if (!n.tolerance().accepts(n.value(), d.getValue())) {
                BigDecimal near = value.abs().multiply(Tolerance.DEFAULT.amount()).round(MathContext.DECIMAL64);
                numericAnswer(e, "0", value, near,
                        "Misconception: " + d.getKey().title() + ". " + d.getKey().explanation()
                                + " The answer is " + n.expected() + ".");
            }
        }
        Element any = child(e, "answer");
        any.setAttribute("fraction", "0");
        leafText(any, "*");
        html(child(any, "feedback"), "Not quite: the answer is " + n.expected() + " (tolerance "
                + n.tolerance().describe() + ").");
        leaf(any, "tolerance", "0");
        List<Unit> units = unitsOf(n.unit());
        if (units.isEmpty()) {
            leaf(e, "unitgradingtype", UNITS_NOT_GRADED);
            leaf(e, "showunits", UNITS_HIDDEN);
        } else {
            Element list = child(e, "units");
            for (Unit u : units) {
                Element unit = child(list, "unit");
                leaf(unit, "multiplier", plain(n.unit().factor().divide(u.factor(), MathContext.DECIMAL64)));
                leaf(unit, "unit_name", u.symbol());
            }
            leaf(e, "unitgradingtype", UNITS_GRADED_OUT_OF_RESPONSE);
            leaf(e, "unitpenalty", UNIT_PENALTY);
            leaf(e, "showunits", UNITS_TYPED);
        }
        leaf(e, "unitsleft", "0");
        return e;
    }

    private static void numericAnswer(Element question, String fraction, BigDecimal value, BigDecimal tolerance,
            String feedback) {
        Element answer = question.getOwnerDocument().createElement("answer");
        question.appendChild(answer);
        answer.setAttribute("fraction", fraction);
        leafText(answer, plain(value));
        html(child(answer, "feedback"), feedback);
        leaf(answer, "tolerance", plain(tolerance));
    }

    /**
     * Moodle's numerical tolerance is an absolute ± in the answer's unit. Relative and absolute ones
     * convert exactly; a geometric "within a factor f" becomes the narrower side, value × (1 − 1/f).
     */
    static BigDecimal tolerance(NumericAnswer n) {
        BigDecimal value = n.unit().fromBase(n.value()).abs();
        Tolerance t = n.tolerance();
        BigDecimal amount = switch (t.kind()) {
            case EXACT -> BigDecimal.ZERO;
            case RELATIVE -> value.multiply(t.amount());
            case ABSOLUTE -> n.unit().fromBase(t.amount());
            case GEOMETRIC -> value.subtract(value.divide(t.amount(), MathContext.DECIMAL64));
        };
        return amount.round(new MathContext(6, RoundingMode.HALF_UP));
    }

    /** The asked unit first (multiplier 1), then the other units of its dimension. */
    private static List<Unit> unitsOf(Unit asked) {
        if (asked.symbol().isEmpty()) {
            return List.of();
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(asked), Unit.ALL.stream()
                .filter(u -> u != asked && u.dimension() == asked.dimension() && !u.symbol().isEmpty())).toList();
    }

    private static Element common(Document doc, Question q, String type) {
        Element e = doc.createElement("question");
        e.setAttribute("type", type);
        text(child(e, "name"), q.topic().title() + " · " + q.id());
        html(child(e, "questiontext"), q.text());
        Element general = child(e, "generalfeedback");
        general.setAttribute("format", "html");
        text(general, solutionHtml(q));
        leaf(e, "defaultgrade", "1");
        leaf(e, "penalty", RETRY_PENALTY);
        leaf(e, "hidden", "0");
        leaf(e, "idnumber", q.id().toString());
        return e;
    }

    private static String solutionHtml(Question q) {
        StringBuilder html = new StringBuilder(paragraph(q.solution().takeaway()));
        if (!q.solution().steps().isEmpty()) {
            html.append("<ol>");
            for (Step s : q.solution().steps()) {
                html.append("<li>").append(escape(s.name() + (s.formula().isBlank() ? "" : ": " + s.formula())))
                        .append("</li>");
            }
            html.append("</ol>");
        }
        return html.toString();
    }

    private static void html(Element parent, String plainText) {
        parent.setAttribute("format", "html");
        text(parent, paragraph(plainText));
    }

    private static String paragraph(String plainText) {
        return "<p>" + escape(plainText).replace("\n", "<br>") + "</p>";
    }

    /** Plain text to HTML text. */
    static String escape(String plain) {
        return plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static void text(Element parent, String content) {
        leafText(parent, content);
    }

    private static void leafText(Element parent, String content) {
        leaf(parent, "text", content);
    }

    private static void leaf(Element parent, String name, String content) {
        child(parent, name).setTextContent(content);
    }

    private static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElement(name);
        parent.appendChild(e);
        return e;
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serialize(Document doc) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
