package app.bytewise.classroom;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClassMemberRepository extends JpaRepository<ClassMember, Long> {

    boolean existsByClassroomIdAndStudentId(Long classroomId, Long studentId);

    List<ClassMember> findByStudentId(Long studentId);

    List<ClassMember> findByClassroomId(Long classroomId);

    long countByClassroomId(Long classroomId);

    void deleteByClassroomId(Long classroomId);
}
