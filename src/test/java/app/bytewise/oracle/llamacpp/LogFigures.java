package app.bytewise.oracle.llamacpp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cross-checks the exact bytes decoded from {@code llama_get_memory_breakdown} against the MiB
 * figures llama.cpp logs (two decimals): a wrong struct offset or map layout shows up as a
 * disagreement instead of a plausible wrong number. Formats from llama.cpp v0.5.0:
 * {@code sched_reserve: %10s compute buffer size = %8.2f MiB} (src/llama-context.cpp) and
 * {@code llama_kv_cache: size = %7.2f MiB (...)} / {@code llama_memory_recurrent: size = %7.2f MiB
 * (...)} (src/llama-kv-cache.cpp, src/llama-memory-recurrent.cpp). Under {@code no_alloc} the
 * "KV buffer size" and "model buffer size" lines print 0.00, so only these are compared.
 */
final class LogFigures {

    private static final Pattern COMPUTE = Pattern.compile("^\\w+:\\s+(\\S+) compute buffer size =\\s+([0-9.]+) MiB");
    private static final Pattern CONTEXT = Pattern.compile("^(?:llama_kv_cache|llama_memory_recurrent): size =\\s+([0-9.]+) MiB");
    private static final double MIB = 1024.0 * 1024.0;

    private LogFigures() {
    }

    /** Every figure that disagrees, described; empty when all agree or nothing was decoded (a failure). */
    static List<String> disagreements(Allocation a) {
        List<String> problems = new ArrayList<>();
        if (a.failure().isPresent()) {
            return problems;
        }
        Map<String, Double> compute = new LinkedHashMap<>();
        double context = 0;
        int contextLines = 0;
        for (String line : a.log()) {
            Matcher m = COMPUTE.matcher(line);
            if (m.find()) {
                compute.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
            }
            m = CONTEXT.matcher(line);
            if (m.find()) {
                context += Double.parseDouble(m.group(1));
                contextLines++;
            }
        }
        compute.forEach((name, mib) -> {
            Allocation.Buffer buffer = a.buffers().get(name);
            long bytes = buffer == null ? 0 : buffer.compute();
            if (!agrees(bytes, mib, 1)) {
                problems.add(name + " compute: " + bytes + " bytes decoded, " + mib + " MiB logged");
            }
        });
        if (contextLines > 0 && !agrees(a.contextBytes(), context, contextLines)) {
            problems.add("context: " + a.contextBytes() + " bytes decoded, " + context + " MiB logged");
        }
        return problems;
    }

    /**
     * Two decimals of a float: half a hundredth per figure summed (an iSWA or hybrid model logs two
     * caches, each rounded), plus float rounding of large figures.
     */
    private static boolean agrees(long bytes, double mib, int figures) {
        return Math.abs(bytes / MIB - mib) <= 0.005 * figures + 1e-6 * mib;
    }
}
