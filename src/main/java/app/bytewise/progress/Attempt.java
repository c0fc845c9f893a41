package app.bytewise.progress;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.QuestionId;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.Topic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One graded answer, kept as given so accuracy, streaks and misconceptions can be recounted at any time. */
@Entity
@Table(name = "attempt")
public class Attempt {

    static final int MAX_ANSWER_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "question_id", nullable = false, length = 100)
    private String questionId;

    @Column(name = "template_id", nullable = false, length = 80)
    private String templateId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private QuestionKind kind;

    @Column(nullable = false)
    private long seed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Topic topic;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Difficulty difficulty;

    @Column(nullable = false, length = MAX_ANSWER_LENGTH)
    private String answer;

    @Column
    private Boolean correct;

    @Column(nullable = false)
    private double score;

    @Column(name = "misconception_id", length = 48)
    private String misconceptionId;

    @Column(name = "time_taken_ms", nullable = false)
    private long timeTakenMs;

    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    protected Attempt() {
        // for JPA
    }

    Attempt(long userId, QuestionId questionId, Topic topic, Difficulty difficulty, String answer,
            Optional<Boolean> correct, double score, Optional<String> misconceptionId, Duration timeTaken,
            Instant answeredAt) {
        this.userId = userId;
        this.questionId = questionId.toString();
        this.templateId = questionId.template();
        this.kind = questionId.kind();
        this.seed = questionId.seed();
        this.topic = topic;
        this.difficulty = difficulty;
        // An answer is a few characters; a pasted essay is cut rather than refused, so the grade is still kept.
        String given = answer == null ? "" : answer;
        this.answer = given.length() > MAX_ANSWER_LENGTH ? given.substring(0, MAX_ANSWER_LENGTH) : given;
        this.correct = correct.orElse(null);
        this.score = score;
        this.misconceptionId = misconceptionId.orElse(null);
        this.timeTakenMs = Math.max(0, timeTaken.toMillis());
        this.answeredAt = answeredAt;
    }

    public Long getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public QuestionId getQuestionId() {
        return new QuestionId(templateId, kind, seed);
    }

    public String getTemplateId() {
        return templateId;
    }

    public Topic getTopic() {
        return topic;
    }

    public Difficulty getDifficulty() {
        return difficulty;
    }

    public String getAnswer() {
        return answer;
    }

    /** Empty when the answer could not be read. */
    public Optional<Boolean> getCorrect() {
        return Optional.ofNullable(correct);
    }

    public double getScore() {
        return score;
    }

    public Optional<String> getMisconceptionId() {
        return Optional.ofNullable(misconceptionId);
    }

    public Duration getTimeTaken() {
        return Duration.ofMillis(timeTakenMs);
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }
}
