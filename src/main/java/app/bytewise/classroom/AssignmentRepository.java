package app.bytewise.classroom;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    List<Assignment> findByClassroomIdInOrderByDueAtAsc(Collection<Long> classroomIds);

    List<Assignment> findByClassroomId(Long classroomId);

    List<Assignment> findByQuizId(Long quizId);
}
