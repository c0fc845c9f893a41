package app.bytewise.classroom;

import app.bytewise.security.UserAccount;
import app.bytewise.security.UserText;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Classes: created by instructors, joined by candidates with the class's code. */
@Service
public class ClassroomService {

    private static final int MAX_CODE_TRIES = 10;

    private final ClassroomRepository classes;
    private final ClassMemberRepository members;
    private final AssignmentRepository assignments;
    private final SubmissionRepository submissions;
    private final AccessRules access;
    private final Clock clock;
    private final JoinCodes codes = new JoinCodes();

    public ClassroomService(ClassroomRepository classes, ClassMemberRepository members,
            AssignmentRepository assignments, SubmissionRepository submissions, AccessRules access, Clock clock) {
        this.classes = classes;
        this.members = members;
        this.assignments = assignments;
        this.submissions = submissions;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public ClassSummary createClass(UserAccount instructor, String name) {
        access.requireInstructor(instructor);
        String shown = name == null ? "" : name.strip();
        if (shown.isEmpty() || shown.length() > 80) {
            throw new ClassroomException("A class name has 1 to 80 characters.");
        }
        UserText.problem(shown).ifPresent(problem -> {
            throw new ClassroomException(problem);
        });
        Classroom created = classes.saveAndFlush(new Classroom(shown, freshCode(), instructor.getId(), clock.instant()));
        return summary(created);
    }

    @Transactional(readOnly = true)
    public List<ClassSummary> classesOf(UserAccount instructor) {
        access.requireInstructor(instructor);
        return classes.findByInstructorIdOrderByCreatedAtDesc(instructor.getId()).stream().map(this::summary).toList();
    }

    /**
     * Joins the class with this code. Not one transaction on purpose: if two tabs join at once, the
     * unique membership lets one insert win and the other is told it is already a member.
     */
    public JoinOutcome join(UserAccount candidate, String code) {
        access.requireCandidate(candidate);
        String normalized = JoinCodes.normalize(code);
        UserText.problem(normalized).ifPresent(problem -> {
            throw new ClassroomException(problem);
        });
        Classroom c = classes.findByJoinCode(normalized).orElseThrow(() -> new ClassroomException(normalized.isEmpty()
                ? "Type the join code your instructor gave you."
                : "No class has the code " + normalized + "; check it with your instructor."));
        if (members.existsByClassroomIdAndStudentId(c.getId(), candidate.getId())) {
            return new JoinOutcome(c.getId(), c.getName(), true);
        }
        try {
            members.saveAndFlush(new ClassMember(c.getId(), candidate.getId(), clock.instant()));
            return new JoinOutcome(c.getId(), c.getName(), false);
        } catch (DataIntegrityViolationException raced) {
            return new JoinOutcome(c.getId(), c.getName(), true);
        }
    }

    /** The classes a candidate has joined, by name. */
    @Transactional(readOnly = true)
    public List<String> classesJoined(UserAccount candidate) {
        access.requireCandidate(candidate);
        return members.findByStudentId(candidate.getId()).stream()
                .map(m -> classes.findById(m.getClassroomId()).map(Classroom::getName).orElse("?")).sorted().toList();
    }

    /**
     * Deletes a class with its memberships and assignments, unless anyone has submitted to it: results
     * are never deleted with it. (The foreign keys refuse it too, should a submission arrive meanwhile.)
     */
    @Transactional
    public void deleteClass(UserAccount instructor, long classId) {
        Classroom c = access.ownClass(instructor, classId);
        List<Assignment> set = assignments.findByClassroomId(c.getId());
        if (!set.isEmpty() && submissions.existsByAssignmentIdIn(set.stream().map(Assignment::getId).toList())) {
            throw new ClassroomException("“" + c.getName() + "” has submissions; a class with results cannot be deleted.");
        }
        assignments.deleteAll(set);
        members.deleteByClassroomId(c.getId());
        classes.delete(c);
    }

    private String freshCode() {
        for (int i = 0; i < MAX_CODE_TRIES; i++) {
            String code = codes.next();
            if (!classes.existsByJoinCode(code)) {
                return code;
            }
        }
        throw new IllegalStateException("no free join code after " + MAX_CODE_TRIES + " tries");
    }

    private ClassSummary summary(Classroom c) {
        return new ClassSummary(c.getId(), c.getName(), c.getJoinCode(), members.countByClassroomId(c.getId()));
    }
}
