package app.bytewise.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML with CommonMark (GFM tables, footnotes). Directives are expanded first; math is
 * lifted out before parsing (so Markdown never touches its underscores and asterisks) and put back
 * as {@code .bw-math} elements for KaTeX; {@code estimate} blocks become live-example slots.
 */
public final class LessonRenderer {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), FootnotesExtension.create());
    private static final Pattern DISPLAY_MATH = Pattern.compile("\\$\\$(.+?)\\$\\$", Pattern.DOTALL);
    private static final Pattern INLINE_MATH = Pattern.compile("(?<![\\\\$])\\$([^$\\n]+?)\\$(?!\\$)");
    private static final Pattern PLACEHOLDER = Pattern.compile("BWMATH(\\d+)X");
    private static final String SLOT_TEXT = "BWLIVESLOTX";
    private static final String SLOT = "<p>" + SLOT_TEXT + "</p>";
    private static final Set<String> LIVE_KEYS = Set.of("model", "mode", "weights", "kvCache", "flash", "attention",
            "context", "batch", "gpu", "optimizer", "zeroStage", "gpus");

    private final Directives directives;
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();

    public LessonRenderer(Directives directives) {
        this.directives = directives;
    }

    public RenderedLesson render(Lesson lesson) {
        String text = directives.expand(lesson.markdown());
        List<String[]> math = new ArrayList<>();
        text = lift(text, DISPLAY_MATH, true, math);
        text = lift(text, INLINE_MATH, false, math);
        Node document = parser.parse(text);
        // The page shows the front matter's title; a leading "# Title" in the body would repeat it.
        if (document.getFirstChild() instanceof org.commonmark.node.Heading h && h.getLevel() == 1) {
            h.unlink();
        }
        List<Map<String, String>> live = new ArrayList<>();
        List<String> links = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if ("estimate".equals(block.getInfo())) {
                    live.add(settings(block.getLiteral(), lesson.slug()));
                    org.commonmark.node.Paragraph slot = new org.commonmark.node.Paragraph();
                    slot.appendChild(new org.commonmark.node.Text(SLOT_TEXT));
                    block.insertBefore(slot);
                    block.unlink();
                }
            }

            @Override
            public void visit(Link link) {
                links.add(link.getDestination());
                visitChildren(link);
            }
        });
        String html = restoreMath(renderer.render(document), math);
        List<RenderedLesson.Segment> segments = new ArrayList<>();
        String[] pieces = html.split(Pattern.quote(SLOT) + "\\n?", -1);
        for (int i = 0; i < pieces.length; i++) {
            segments.add(new RenderedLesson.Html(pieces[i]));
            if (i < live.size()) {
                segments.add(new RenderedLesson.LiveExample(live.get(i)));
            }
        }
        return new RenderedLesson(lesson, segments, links);
    }

    private static String lift(String text, Pattern pattern, boolean display, List<String[]> math) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            math.add(new String[] {m.group(1).strip(), display ? "d" : "i"});
            String token = "BWMATH" + (math.size() - 1) + "X";
            m.appendReplacement(out, display ? "\n\n" + token + "\n\n" : token);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String restoreMath(String html, List<String[]> math) {
        Matcher m = PLACEHOLDER.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String[] item = math.get(Integer.parseInt(m.group(1)));
            String tex = escape(item[0]);
            String element = item[1].equals("d")
                    ? "<span class=\"bw-math bw-math-display\" data-tex=\"" + tex + "\">" + tex + "</span>"
                    : "<span class=\"bw-math\" data-tex=\"" + tex + "\">" + tex + "</span>";
            m.appendReplacement(out, Matcher.quoteReplacement(element));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Map<String, String> settings(String literal, String slug) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : literal.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            String key = colon < 0 ? line.strip() : line.substring(0, colon).strip();
            if (colon < 0 || !LIVE_KEYS.contains(key)) {
                throw new DirectiveException(slug + ": the estimate block line '" + line.strip() + "' is not 'key: value' "
                        + "with a known key " + LIVE_KEYS);
            }
            settings.put(key, line.substring(colon + 1).strip());
        }
        return settings;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
