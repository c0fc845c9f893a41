package app.bytewise.drill.bank;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.Topic;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the question-bank format described in {@code content/questions/README.md}. Errors name the
 * file and line, since the files are written by hand.
 */
public final class BankParser {

    private BankParser() {
    }

    public static List<BankQuestion> parse(String source, String text) {
        List<BankQuestion> questions = new ArrayList<>();
        Builder current = null;
        String[] lines = text.split("\\R");
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = source + ":" + (i + 1);
            if (line.startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            if (line.startsWith("## ")) {
                if (current != null) {
                    questions.add(current.build());
                }
                current = new Builder(line.substring(3).strip(), where);
            } else if (current == null || line.isBlank() || line.startsWith("# ")) {
                continue;
            } else if (line.startsWith("- [x] ") || line.startsWith("- [ ] ")) {
                current.options.add(new String[] {line.substring(6).strip(), line.startsWith("- [x]") ? "x" : "", null, null});
            } else if (line.strip().startsWith("why:")) {
                if (current.options.isEmpty()) {
                    throw new IllegalArgumentException(where + ": 'why:' before any option");
                }
                current.options.get(current.options.size() - 1)[2] = line.strip().substring(4).strip();
            } else if (line.strip().startsWith("miss:")) {
                if (current.options.isEmpty()) {
                    throw new IllegalArgumentException(where + ": 'miss:' before any option");
                }
                current.options.get(current.options.size() - 1)[3] = misconception(line.strip().substring(5).strip(), where);
            } else {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException(where + ": expected 'key: value', an option or 'why:'");
                }
                current.field(line.substring(0, colon).strip(), line.substring(colon + 1).strip(), where);
            }
        }
        if (current != null) {
            questions.add(current.build());
        }
        return questions;
    }

    private static String misconception(String name, String where) {
        try {
            if (Misconception.valueOf(name) == Misconception.WRONG_OPTION) {
                throw new IllegalArgumentException(where + ": 'miss: WRONG_OPTION' names no mistake; name the one this option makes");
            }
            return name;
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith(where)) {
                throw e;
            }
            throw new IllegalArgumentException(where + ": unknown misconception '" + name + "' (a constant of Misconception)");
        }
    }

    private static final class Builder {
        final String id;
        final String where;
        Topic topic;
        Difficulty difficulty;
        String question;
        String takeaway;
        String source;
        final List<String[]> options = new ArrayList<>();

        Builder(String id, String where) {
            if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new IllegalArgumentException(where + ": the id '" + id + "' must be kebab-case");
            }
            this.id = id;
            this.where = where;
        }

        void field(String key, String value, String at) {
            switch (key) {
                case "topic" -> topic = Topic.valueOf(value);
                case "difficulty" -> difficulty = Difficulty.ofLevel(Integer.parseInt(value));
                case "question" -> question = value;
                case "takeaway" -> takeaway = value;
                case "source" -> source = value;
                default -> throw new IllegalArgumentException(at + ": unknown key '" + key + "'");
            }
        }

        BankQuestion build() {
            if (topic == null || difficulty == null || question == null || takeaway == null || source == null) {
                throw new IllegalArgumentException(where + ": " + id + " needs topic, difficulty, question, takeaway and source");
            }
            if (options.size() < 4 || options.size() > 5) {
                throw new IllegalArgumentException(where + ": " + id + " has " + options.size() + " options; 4 or 5 needed");
            }
            List<BankQuestion.BankOption> parsed = new ArrayList<>();
            for (String[] o : options) {
                if (o[2] == null || o[2].isBlank()) {
                    throw new IllegalArgumentException(where + ": " + id + ": every option needs a 'why:' line");
                }
                boolean correct = !o[1].isEmpty();
                if (correct == (o[3] != null)) {
                    throw new IllegalArgumentException(where + ": " + id + ": option '" + o[0] + "' "
                            + (correct ? "is correct and must not have a 'miss:' line" : "needs a 'miss:' line naming its mistake"));
                }
                parsed.add(new BankQuestion.BankOption(o[0], correct, o[2], correct ? null : Misconception.valueOf(o[3])));
            }
            List<Misconception> named = parsed.stream().map(BankQuestion.BankOption::misconception)
                    .filter(java.util.Objects::nonNull).toList();
            if (new java.util.HashSet<>(named).size() != named.size()) {
                throw new IllegalArgumentException(where + ": " + id + ": two wrong options name the same mistake "
                        + named + "; each wrong option makes its own");
            }
            if (parsed.stream().filter(BankQuestion.BankOption::correct).count() != 1) {
                throw new IllegalArgumentException(where + ": " + id + " needs exactly one [x] option");
            }
            return new BankQuestion(id, topic, difficulty, question, parsed, takeaway, source);
        }
    }
}
