package app.bytewise.api;

import app.bytewise.api.DrillController.SolutionView;
import app.bytewise.drill.Lessons;
import app.bytewise.drill.interview.InterviewReport;
import app.bytewise.drill.interview.ItemResult;
import java.util.List;
import java.util.Locale;

/** An interview's report as JSON: the interview is over, so every answer and solution is in it. */
record InterviewReportView(String id, double points, int items, int blanks, boolean timedOut, List<TopicView> topics,
        List<SeenView> misconceptions, List<ResultView> results) {

    record TopicView(String topic, String title, double points, int items, String lesson) {
    }

    record SeenView(String id, String title, String explanation, int times, List<String> lessons) {
    }

    record ResultView(String label, String topic, String text, String given, String status, double score,
            String expected, String misconception, String feedback, SolutionView solution) {
    }

    static InterviewReportView of(InterviewReport r) {
        return new InterviewReportView(r.id().toString(), r.points(), r.items(), r.blanks(), r.timedOut(),
                r.topics().stream().map(t -> new TopicView(DrillController.slug(t.topic()), t.topic().title(), t.points(),
                        t.items(), Lessons.of(t.topic()))).toList(),
                r.misconceptions().stream().map(m -> new SeenView(m.misconception().id(), m.misconception().title(),
                        m.misconception().explanation(), m.times(), m.lessons())).toList(),
                r.results().stream().map(InterviewReportView::result).toList());
    }

    private static ResultView result(ItemResult x) {
        return new ResultView(x.label(), DrillController.slug(x.topic()), x.text(), x.given(),
                x.status().name().toLowerCase(Locale.ROOT), x.score(), x.expected(),
                x.misconception().map(m -> m.id()).orElse(null), x.feedback(),
                new SolutionView(x.solution().steps(), x.solution().takeaway(), x.solution().lesson()));
    }
}
