package app.bytewise.progress;

import app.bytewise.drill.Topic;
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

/** A learner's Elo rating in one topic (see {@link EloMastery}). */
@Entity
@Table(name = "topic_mastery")
public class TopicMastery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Topic topic;

    @Column(nullable = false)
    private double rating;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(nullable = false)
    private long version;

    protected TopicMastery() {
        // for JPA
    }

    TopicMastery(long userId, Topic topic, Instant now) {
        this.userId = userId;
        this.topic = topic;
        this.rating = TopicSkill.NEW.rating();
        this.attempts = TopicSkill.NEW.attempts();
        this.updatedAt = now;
    }

    public long getUserId() {
        return userId;
    }

    public Topic getTopic() {
        return topic;
    }

    public TopicSkill skill() {
        return new TopicSkill(rating, attempts);
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    void apply(TopicSkill skill, Instant now) {
        this.rating = skill.rating();
        this.attempts = skill.attempts();
        this.updatedAt = now;
    }
}
