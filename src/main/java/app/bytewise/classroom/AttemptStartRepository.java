package app.bytewise.classroom;

import org.springframework.data.jpa.repository.JpaRepository;

interface AttemptStartRepository extends JpaRepository<AttemptStart, AttemptStart.Key> {
}
