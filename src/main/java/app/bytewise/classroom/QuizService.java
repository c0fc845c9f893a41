package app.bytewise.classroom;

import app.bytewise.drill.Question;
import app.bytewise.security.UserAccount;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Quizzes: an instructor's own, created from validated settings, exported to Moodle. */
@Service
public class QuizService {

    public static final int MAX_EXPORT_VARIANTS = 20;

    private final QuizRepository quizzes;
    private final AssignmentRepository assignments;
    private final SubmissionRepository submissions;
    private final QuizPlanner planner;
    private final AccessRules access;
    private final Clock clock;
    private final SecureRandom seeds = new SecureRandom();

    public QuizService(QuizRepository quizzes, AssignmentRepository assignments, SubmissionRepository submissions,
            QuizPlanner planner, AccessRules access, Clock clock) {
        this.quizzes = quizzes;
        this.assignments = assignments;
        this.submissions = submissions;
        this.planner = planner;
        this.access = access;
        this.clock = clock;
    }

    /** Creates a quiz; throws {@link InvalidQuizException} naming every field at fault. */
    @Transactional
    public Quiz create(UserAccount instructor, QuizSettings settings) {
        access.requireInstructor(instructor);
        Map<String, String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new InvalidQuizException(problems);
        }
        if (planner.pool(settings).isEmpty()) {
            throw new InvalidQuizException(Map.of("topics",
                    "No question matches these topics at this difficulty and mode; add a topic or widen the difficulty."));
        }
        return quizzes.saveAndFlush(new Quiz(instructor.getId(), settings, seeds.nextLong() & ((1L << 48) - 1),
                clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<Quiz> quizzesOf(UserAccount instructor) {
        access.requireInstructor(instructor);
        return quizzes.findByInstructorIdOrderByCreatedAtDesc(instructor.getId());
    }

    @Transactional(readOnly = true)
    public Quiz quiz(UserAccount instructor, long quizId) {
        return access.ownQuiz(instructor, quizId);
    }

    /** Deletes a quiz and its assignments, unless anyone has submitted to it: results are never deleted with it. */
    @Transactional
    public void delete(UserAccount instructor, long quizId) {
        Quiz quiz = access.ownQuiz(instructor, quizId);
        List<Assignment> set = assignments.findByQuizId(quiz.getId());
        if (!set.isEmpty() && submissions.existsByAssignmentIdIn(set.stream().map(Assignment::getId).toList())) {
            throw new ClassroomException("“" + quiz.getTitle() + "” has submissions; a quiz with results cannot be deleted.");
        }
        assignments.deleteAll(set);
        quizzes.delete(quiz);
    }

    /**
     * The quiz as Moodle XML for the question bank: {@code variants} reproducible versions of every
     * slot, each regenerated from its own seed, so the same export always gives the same file; each
     * slot's variants in a category of their own under the quiz's ("Bytewise/Title/Question 1 – Topic").
     */
    @Transactional(readOnly = true)
    public String moodleXml(UserAccount instructor, long quizId, int variants) {
        Quiz quiz = access.ownQuiz(instructor, quizId);
        if (variants < 1 || variants > MAX_EXPORT_VARIANTS) {
            throw new ClassroomException("Export 1 to " + MAX_EXPORT_VARIANTS + " variants.");
        }
        // Moodle reads '/' as a level separator in a category path: a title keeps its words, not its levels.
        String base = "Bytewise/" + quiz.getTitle().replace('/', '-');
        List<List<Question>> bySlot = new ArrayList<>();
        for (int v = 1; v <= variants; v++) {
            List<Question> paper = planner.questions(planner.variant(quiz, v));
            for (int slot = 0; slot < paper.size(); slot++) {
                if (bySlot.size() <= slot) {
                    bySlot.add(new ArrayList<>());
                }
                bySlot.get(slot).add(paper.get(slot));
            }
        }
        List<MoodleXml.Category> categories = new ArrayList<>();
        for (int slot = 0; slot < bySlot.size(); slot++) {
            Question first = bySlot.get(slot).get(0);
            categories.add(new MoodleXml.Category(String.format(Locale.ROOT, "%s/Question %d – %s", base,
                    slot + 1, first.topic().title().replace('/', '-')), bySlot.get(slot)));
        }
        return MoodleXml.write(categories);
    }
}
