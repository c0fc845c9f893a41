package app.bytewise.progress;

import app.bytewise.drill.Topic;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Topic ratings; every query is scoped to one user. */
public interface TopicMasteryRepository extends JpaRepository<TopicMastery, Long> {

    List<TopicMastery> findByUserId(long userId);

    /** Locks the row so two answers recorded at once both count. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from TopicMastery m where m.userId = :userId and m.topic = :topic")
    Optional<TopicMastery> findForUpdate(@Param("userId") long userId, @Param("topic") Topic topic);
}
