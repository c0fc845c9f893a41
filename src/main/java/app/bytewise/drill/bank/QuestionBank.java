package app.bytewise.drill.bank;

import app.bytewise.drill.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads the conceptual questions shipped on the classpath as {@code content/questions/<topic>.md}. */
public final class QuestionBank {

    private QuestionBank() {
    }

    public static List<BankQuestion> load() {
        List<BankQuestion> all = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            String name = "content/questions/" + fileName(topic);
            try (InputStream in = QuestionBank.class.getClassLoader().getResourceAsStream(name)) {
                if (in != null) {
                    all.addAll(BankParser.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    public static String fileName(Topic topic) {
        return topic.id() + ".md";
    }
}
