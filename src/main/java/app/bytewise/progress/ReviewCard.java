package app.bytewise.progress;

import app.bytewise.drill.Topic;
import app.bytewise.progress.fsrs.CardState;
import app.bytewise.progress.fsrs.FsrsCard;
import app.bytewise.progress.fsrs.Rating;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * One learner's FSRS card for one question template. The card is per template, not per seed, so a
 * review asks the same skill with new numbers.
 */
@Entity
@Table(name = "review_card")
public class ReviewCard {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "template_id", nullable = false, length = 80)
    private String templateId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Topic topic;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CardState state;

    @Column(nullable = false)
    private int step;

    @Column(nullable = false)
    private double stability;

    @Column(nullable = false)
    private double difficulty;

    @Column(nullable = false)
    private Instant due;

    @Column(name = "last_review")
    private Instant lastReview;

    @Column(nullable = false)
    private int reps;

    @Column(nullable = false)
    private int lapses;

    @Version
    @Column(nullable = false)
    private long version;

    protected ReviewCard() {
        // for JPA
    }

    ReviewCard(long userId, String templateId, Topic topic, Instant now) {
        this.userId = userId;
        this.templateId = templateId;
        this.topic = topic;
        copy(FsrsCard.fresh(now));
    }

    public long getUserId() {
        return userId;
    }

    public String getTemplateId() {
        return templateId;
    }

    public Topic getTopic() {
        return topic;
    }

    public Instant getDue() {
        return due;
    }

    public Optional<Instant> getLastReview() {
        return Optional.ofNullable(lastReview);
    }

    /** How many times the card was reviewed. */
    public int getReps() {
        return reps;
    }

    /** How many times a card in long-term review was forgotten. */
    public int getLapses() {
        return lapses;
    }

    public FsrsCard memory() {
        return new FsrsCard(state, step, stability, difficulty, due, Optional.ofNullable(lastReview));
    }

    void apply(Rating rating, FsrsCard after) {
        // A lapse is forgetting something already in long-term review, as FSRS and Anki count it.
        if (state == CardState.REVIEW && rating == Rating.AGAIN) {
            lapses++;
        }
        reps++;
        copy(after);
    }

    private void copy(FsrsCard card) {
        this.state = card.state();
        this.step = card.step();
        this.stability = card.stability();
        this.difficulty = card.difficulty();
        this.due = card.due();
        this.lastReview = card.lastReview().orElse(null);
    }
}
