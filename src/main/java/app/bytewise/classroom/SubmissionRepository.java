package app.bytewise.classroom;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SubmissionRepository extends JpaRepository<Submission, Long> {

    List<Submission> findByAssignmentIdAndStudentIdOrderByAttemptNoAsc(Long assignmentId, Long studentId);

    int countByAssignmentIdAndStudentId(Long assignmentId, Long studentId);

    List<Submission> findByAssignmentIdOrderByStudentIdAscAttemptNoAsc(Long assignmentId);

    boolean existsByAssignmentIdIn(Collection<Long> assignmentIds);
}
