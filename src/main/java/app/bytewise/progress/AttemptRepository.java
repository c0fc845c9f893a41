package app.bytewise.progress;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Attempts; every query is scoped to one user. */
public interface AttemptRepository extends JpaRepository<Attempt, Long> {

    long countByUserId(long userId);

    List<Attempt> findByUserIdOrderByAnsweredAtDescIdDesc(long userId, Pageable page);

    List<Attempt> findByUserIdAndAnsweredAtGreaterThanEqualOrderByAnsweredAt(long userId, Instant from);

    /** Newest first, so a streak can stop reading at its first gap. */
    @Query("select a.answeredAt from Attempt a where a.userId = :userId order by a.answeredAt desc")
    Stream<Instant> streamAnswerTimesNewestFirst(@Param("userId") long userId);

    /** Verdicts of readable answers, newest first. */
    @Query("select a.correct from Attempt a where a.userId = :userId and a.correct is not null"
            + " order by a.answeredAt desc, a.id desc")
    Stream<Boolean> streamVerdictsNewestFirst(@Param("userId") long userId);

    @Query("select new app.bytewise.progress.AttemptRepository$Tally(a.misconceptionId, count(a)) from Attempt a"
            + " where a.userId = :userId and a.misconceptionId is not null and a.misconceptionId <> :except"
            + " group by a.misconceptionId order by count(a) desc, a.misconceptionId")
    List<Tally> countMisconceptions(@Param("userId") long userId, @Param("except") String except, Pageable page);

    /** How often one misconception id was diagnosed. */
    record Tally(String misconceptionId, long count) {
    }
}
