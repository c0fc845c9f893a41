package app.bytewise.drill.bank;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Lessons;
import app.bytewise.drill.Option;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionId;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.QuestionTemplate;
import app.bytewise.drill.Solution;
import app.bytewise.drill.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** A conceptual bank question as a template: the seed only shuffles the options. */
public record BankTemplate(BankQuestion question) implements QuestionTemplate {

    private static final String[] LETTERS = {"A", "B", "C", "D", "E"};

    @Override
    public String id() {
        return "bank-" + question.id();
    }

    @Override
    public Topic topic() {
        return question.topic();
    }

    @Override
    public Difficulty difficulty() {
        return question.difficulty();
    }

    @Override
    public boolean numeric() {
        return false;
    }

    @Override
    public Question generate(long seed, QuestionKind kind) {
        List<BankQuestion.BankOption> options = new ArrayList<>(question.options());
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id().hashCode());
        for (int i = options.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            var tmp = options.get(i);
            options.set(i, options.get(j));
            options.set(j, tmp);
        }
        List<Option> lettered = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            var o = options.get(i);
            lettered.add(new Option(LETTERS[i], o.text(), o.correct(), o.misconception(),
                    o.why()));
        }
        return new Question(new QuestionId(id(), QuestionKind.CHOICE, seed), question.topic(), question.difficulty(),
                QuestionKind.CHOICE, question.question(), lettered, Optional.empty(), Map.of(),
                new Solution(List.of(), question.takeaway() + " (" + question.source() + ")", Lessons.of(question.topic())));
    }
}
