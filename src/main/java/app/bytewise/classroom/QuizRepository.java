package app.bytewise.classroom;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface QuizRepository extends JpaRepository<Quiz, Long> {

    List<Quiz> findByInstructorIdOrderByCreatedAtDesc(Long instructorId);
}
