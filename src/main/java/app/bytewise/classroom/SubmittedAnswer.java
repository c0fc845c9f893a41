package app.bytewise.classroom;

import app.bytewise.drill.Misconception;
import app.bytewise.drill.QuestionId;
import app.bytewise.drill.Topic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;

/**
 * One answer of a submission with its grade. The question id regenerates the question exactly, so an
 * instructor can replay what the student saw; {@code response} is the answer as the student saw it
 * (option letter and text, or the typed value).
 */
@Entity
@Table(name = "submitted_answer")
public class SubmittedAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    // Written through Submission.answers; mapped here read-only so an answer knows its submission.
    @Column(name = "submission_id", insertable = false, updatable = false)
    private Long submissionId;

    @Column(nullable = false)
    private int slot;

    @Column(name = "question_id", nullable = false, length = 64)
    private String questionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Topic topic;

    @Column(nullable = false, length = 200)
    private String answer;

    @Column(nullable = false, length = 300)
    private String response;

    private Boolean correct;

    @Column(nullable = false)
    private double score;

    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    private Misconception misconception;

    protected SubmittedAnswer() {
        // for JPA
    }

    SubmittedAnswer(int slot, QuestionId questionId, Topic topic, String answer, String response,
            Optional<Boolean> correct, double score, Optional<Misconception> misconception) {
        this.slot = slot;
        this.questionId = questionId.toString();
        this.topic = topic;
        this.answer = answer;
        this.response = response;
        this.correct = correct.orElse(null);
        this.score = score;
        this.misconception = misconception.orElse(null);
    }

    public Long getId() {
        return id;
    }

    public Long getSubmissionId() {
        return submissionId;
    }

    public int getSlot() {
        return slot;
    }

    public QuestionId getQuestionId() {
        return QuestionId.parse(questionId);
    }

    public Topic getTopic() {
        return topic;
    }

    public String getAnswer() {
        return answer;
    }

    public String getResponse() {
        return response;
    }

    /** Empty when the answer could not be read (blank or not a number). */
    public Optional<Boolean> getCorrect() {
        return Optional.ofNullable(correct);
    }

    public double getScore() {
        return score;
    }

    public Optional<Misconception> getMisconception() {
        return Optional.ofNullable(misconception);
    }
}
