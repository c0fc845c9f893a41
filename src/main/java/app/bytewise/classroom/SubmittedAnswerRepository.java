package app.bytewise.classroom;

import org.springframework.data.jpa.repository.JpaRepository;

interface SubmittedAnswerRepository extends JpaRepository<SubmittedAnswer, Long> {
}
