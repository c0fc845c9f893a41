package app.bytewise.progress;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Review cards; every query is scoped to one user. */
public interface ReviewCardRepository extends JpaRepository<ReviewCard, Long> {

    Optional<ReviewCard> findByUserIdAndTemplateId(long userId, String templateId);

    /** Locks the row so two answers recorded at once both count. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ReviewCard c where c.userId = :userId and c.templateId = :templateId")
    Optional<ReviewCard> findForUpdate(@Param("userId") long userId, @Param("templateId") String templateId);

    /** Due cards, most overdue first. */
    List<ReviewCard> findByUserIdAndDueLessThanEqualOrderByDueAscIdAsc(long userId, Instant now);

    Optional<ReviewCard> findFirstByUserIdAndDueGreaterThanOrderByDueAsc(long userId, Instant now);
}
