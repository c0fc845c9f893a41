package app.bytewise.classroom;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Topic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** A quiz: its settings and the seed every question it asks is derived from. */
@Entity
@Table(name = "quiz")
public class Quiz {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "instructor_id", nullable = false)
    private Long instructorId;

    @Column(nullable = false, length = 120)
    private String title;

    @Convert(converter = TopicSetConverter.class)
    @Column(nullable = false, length = 400)
    private Set<Topic> topics;

    @Enumerated(EnumType.STRING)
    @Column(length = 8)
    private Difficulty difficulty;

    @Column(name = "question_count", nullable = false)
    private int questionCount;

    @Enumerated(EnumType.STRING)
    @Column(name = "question_mode", nullable = false, length = 8)
    private QuizMode mode;

    @Column(name = "time_limit_minutes")
    private Integer timeLimitMinutes;

    @Column(name = "attempts_allowed", nullable = false)
    private int attemptsAllowed;

    @Enumerated(EnumType.STRING)
    @Column(name = "seed_policy", nullable = false, length = 12)
    private SeedPolicy seedPolicy;

    @Column(nullable = false)
    private long seed;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Quiz() {
        // for JPA
    }

    Quiz(Long instructorId, QuizSettings settings, long seed, Instant createdAt) {
        this.instructorId = instructorId;
        this.title = settings.title();
        this.topics = EnumSet.copyOf(settings.topics());
        this.difficulty = settings.difficulty().orElse(null);
        this.questionCount = settings.questionCount();
        this.mode = settings.mode();
        this.timeLimitMinutes = settings.timeLimitMinutes().orElse(null);
        this.attemptsAllowed = settings.attemptsAllowed();
        this.seedPolicy = settings.seedPolicy();
        this.seed = seed;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getInstructorId() {
        return instructorId;
    }

    public String getTitle() {
        return title;
    }

    public long getSeed() {
        return seed;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public QuizSettings settings() {
        return new QuizSettings(title, topics, Optional.ofNullable(difficulty), questionCount, mode,
                Optional.ofNullable(timeLimitMinutes), attemptsAllowed, seedPolicy);
    }
}
