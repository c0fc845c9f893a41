package app.bytewise.security;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface InstructorInviteRepository extends JpaRepository<InstructorInvite, Long> {

    /** Marks the code used by this account if it is unused and unexpired; 1 if it was, 0 otherwise. One statement, so two nodes cannot both redeem it. */
    @Modifying
    @Query("update InstructorInvite i set i.usedBy = :account, i.usedAt = :now "
            + "where i.codeHash = :hash and i.usedBy is null and i.usedAt is null and i.expiresAt > :now")
    int redeem(@Param("hash") String hash, @Param("account") Long account, @Param("now") Instant now);

    List<InstructorInvite> findTop50ByOrderByIssuedAtDescIdDesc();

    long countByUsedAtIsNullAndExpiresAtAfter(Instant now);
}
