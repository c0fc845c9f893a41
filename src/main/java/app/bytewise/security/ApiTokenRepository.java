package app.bytewise.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByUserIdOrderByCreatedAtDescIdDesc(long userId);

    long countByUserId(long userId);

    @Modifying
    @Query("delete from ApiToken t where t.id = :id and t.userId = :userId")
    int deleteOwn(@Param("id") long id, @Param("userId") long userId);

    /** Sets the last use unless a recent one is already stored, so busy clients write once a minute at most. */
    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id"
            + " and (t.lastUsedAt is null or t.lastUsedAt < :before)")
    int touch(@Param("id") long id, @Param("now") Instant now, @Param("before") Instant before);
}
