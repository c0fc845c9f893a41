package app.bytewise.classroom;

import app.bytewise.drill.Grader;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.Question;
import app.bytewise.drill.Topic;
import app.bytewise.security.UserAccount;
import app.bytewise.security.UserAccountRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An instructor's view of an assignment's results: scores, statistics, CSV export and replay. */
@Service
public class ResultsService {

    private static final int COMMON_WRONG_ANSWERS = 3;

    private final SubmissionRepository submissions;
    private final SubmittedAnswerRepository answers;
    private final QuizRepository quizzes;
    private final ClassroomRepository classes;
    private final UserAccountRepository accounts;
    private final QuizPlanner planner;
    private final Grader grader;
    private final AccessRules access;

    public ResultsService(SubmissionRepository submissions, SubmittedAnswerRepository answers, QuizRepository quizzes,
            ClassroomRepository classes, UserAccountRepository accounts, QuizPlanner planner,
            Grader grader, AccessRules access) {
        this.submissions = submissions;
        this.answers = answers;
        this.quizzes = quizzes;
        this.classes = classes;
        this.accounts = accounts;
        this.planner = planner;
        this.grader = grader;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public AssignmentResults results(UserAccount instructor, long assignmentId) {
        Assignment a = access.ownAssignment(instructor, assignmentId);
        Quiz quiz = quizzes.findById(a.getQuizId()).orElseThrow();
        List<Submission> all = submissions.findByAssignmentIdOrderByStudentIdAscAttemptNoAsc(a.getId());
        Map<Long, UserAccount> people = accounts.findAllById(all.stream().map(Submission::getStudentId).distinct().toList())
                .stream().collect(Collectors.toMap(UserAccount::getId, Function.identity()));
        List<AnswerRow> rows = new ArrayList<>();
        for (Submission s : all) {
            for (SubmittedAnswer x : s.getAnswers()) {
                rows.add(row(s, x, people.get(s.getStudentId())));
            }
        }
        Map<Long, List<Submission>> byStudent = all.stream()
                .collect(Collectors.groupingBy(Submission::getStudentId, java.util.LinkedHashMap::new, Collectors.toList()));
        List<StudentScore> students = byStudent.values().stream().map(mine -> {
            UserAccount u = people.get(mine.get(0).getStudentId());
            return new StudentScore(u.getId(), u.getUsername(), u.getDisplayName(), mine.size(), mine.get(0).getScore(),
                    mine.stream().mapToDouble(Submission::getScore).max().orElse(0), mine.get(0).getQuestionCount());
        }).sorted(Comparator.comparing(StudentScore::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
        // Statistics use first attempts only (Moodle's default; later attempts build on the first).
        List<Submission> firsts = byStudent.values().stream().map(mine -> mine.get(0)).toList();
        List<AnswerRow> firstRows = rows.stream().filter(r -> r.attemptNo() == 1).toList();
        AssignmentSummary summary = new AssignmentSummary(a.getId(), quiz.getId(), quiz.getTitle(), a.getClassroomId(),
                classes.findById(a.getClassroomId()).map(Classroom::getName).orElse("?"), a.getOpensAt(), a.getDueAt(),
                all.size());
        return new AssignmentResults(summary, students, items(firsts, firstRows), topics(firstRows),
                misconceptions(firstRows), rows);
    }

    /** Every answer of every attempt as RFC 4180 CSV, one row per answer, with a header row. */
    @Transactional(readOnly = true)
    public String csv(UserAccount instructor, long assignmentId) {
        AssignmentResults results = results(instructor, assignmentId);
        StringBuilder out = new StringBuilder(Csv.textRecord(List.of("class", "quiz", "username", "display_name",
                "attempt", "submitted_at", "question", "question_id", "topic", "topic_id", "answer", "response", "correct",
                "score", "misconception", "misconception_id")));
        for (AnswerRow r : results.answers()) {
            // Names, titles and answers are typed by people: text cells. Counts and the score are the app's: numbers.
            out.append(Csv.record(List.of(Csv.text(results.assignment().className()),
                    Csv.text(results.assignment().quizTitle()), Csv.text(r.username()), Csv.text(r.displayName()),
                    Csv.number(r.attemptNo()), Csv.text(r.submittedAt().toString()), Csv.number(r.slot() + 1),
                    Csv.text(r.questionId().toString()), Csv.text(r.topic().title()), Csv.text(r.topic().id()),
                    Csv.text(r.answer()),
                    Csv.text(r.response()), Csv.text(r.correct().map(String::valueOf).orElse("")),
                    Csv.number(String.format(Locale.ROOT, "%.2f", r.score())),
                    Csv.text(r.misconception().map(Misconception::title).orElse("")),
                    Csv.text(r.misconception().map(Misconception::id).orElse("")))));
        }
        return out.toString();
    }

    /** Exactly the question a student saw, regenerated from its stored id, with their stored answer. */
    @Transactional(readOnly = true)
    public Replay replay(UserAccount instructor, long answerId) {
        access.requireInstructor(instructor);
        SubmittedAnswer x = answers.findById(answerId)
                .orElseThrow(() -> new ClassroomAccessDeniedException("No such answer among your results."));
        Submission s = submissions.findById(x.getSubmissionId()).orElseThrow();
        try {
            access.ownAssignment(instructor, s.getAssignmentId());
        } catch (ClassroomAccessDeniedException notYours) {
            throw new ClassroomAccessDeniedException("No such answer among your results.");
        }
        Question q = planner.question(x.getQuestionId());
        return new Replay(row(s, x, accounts.findById(s.getStudentId()).orElseThrow()), q,
                grader.grade(q, x.getAnswer(), 1));
    }

    private static AnswerRow row(Submission s, SubmittedAnswer x, UserAccount student) {
        return new AnswerRow(x.getId(), s.getStudentId(), student.getUsername(), student.getDisplayName(),
                s.getAttemptNo(), s.getSubmittedAt(), x.getSlot(), x.getQuestionId(), x.getTopic(), x.getAnswer(),
                x.getResponse(), x.getCorrect(), x.getScore(), x.getMisconception());
    }

    private static List<ItemStats> items(List<Submission> firsts, List<AnswerRow> firstRows) {
        if (firsts.isEmpty()) {
            return List.of();
        }
        int slots = firsts.get(0).getQuestionCount();
        List<double[]> matrix = firsts.stream().map(s -> {
            double[] row = new double[slots];
            s.getAnswers().forEach(x -> row[x.getSlot()] = x.getScore());
            return row;
        }).toList();
        List<ItemAnalysis.Indices> indices = ItemAnalysis.of(matrix);
        List<ItemStats> items = new ArrayList<>(slots);
        for (int slot = 0; slot < slots; slot++) {
            int at = slot;
            List<AnswerRow> here = firstRows.stream().filter(r -> r.slot() == at).toList();
            String template = here.stream().map(r -> r.questionId().template()).distinct().collect(Collectors.joining(", "));
            Topic topic = here.isEmpty() ? null : here.get(0).topic();
            items.add(new ItemStats(slot + 1, template, topic, here.size(), indices.get(slot).facility(),
                    indices.get(slot).discrimination(), commonWrong(here)));
        }
        return items;
    }

    /** Wrong answers grouped by their misconception when one was diagnosed, else by the answer itself. */
    private static List<ItemStats.WrongAnswer> commonWrong(List<AnswerRow> answers) {
        return answers.stream().filter(r -> !r.correct().orElse(false))
                .map(r -> r.misconception().filter(m -> m != Misconception.WRONG_OPTION)
                        .map(Misconception::title).orElse(r.response()))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(COMMON_WRONG_ANSWERS)
                .map(e -> new ItemStats.WrongAnswer(e.getKey(), e.getValue()))
                .toList();
    }

    private static List<TopicScore> topics(List<AnswerRow> firstRows) {
        Map<Topic, List<AnswerRow>> byTopic = firstRows.stream()
                .collect(Collectors.groupingBy(AnswerRow::topic, () -> new EnumMap<>(Topic.class), Collectors.toList()));
        return byTopic.entrySet().stream().map(e -> new TopicScore(e.getKey(), e.getValue().size(),
                100 * e.getValue().stream().mapToDouble(AnswerRow::score).average().orElse(0))).toList();
    }

    private static List<MisconceptionCount> misconceptions(List<AnswerRow> firstRows) {
        Map<Misconception, List<AnswerRow>> byMisconception = firstRows.stream()
                .filter(r -> r.misconception().filter(m -> m != Misconception.WRONG_OPTION).isPresent())
                .collect(Collectors.groupingBy(r -> r.misconception().get(), () -> new EnumMap<>(Misconception.class),
                        Collectors.toList()));
        return byMisconception.entrySet().stream()
                .map(e -> new MisconceptionCount(e.getKey(), e.getValue().size(),
                        e.getValue().stream().map(AnswerRow::studentId).filter(Objects::nonNull).distinct().count()))
                .sorted(Comparator.comparingLong(MisconceptionCount::answers).reversed()
                        .thenComparing(MisconceptionCount::misconception))
                .toList();
    }
}
