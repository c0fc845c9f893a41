package app.bytewise.engine.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Catalog entries whose id is close to one that is not in the catalog, for "did you mean" hints:
 * ids are compared after folding case and turning '.', '_' and spaces into '-' (so "Llama-3.1-8B"
 * finds "llama-3-1-8b"); ids that contain the other, or are contained, come first, then the rest
 * by Levenshtein distance. Only hints: nothing is ever chosen on the user's behalf.
 */
public final class SimilarIds {

    private SimilarIds() {
    }

    public static <T> List<T> closest(String wanted, List<T> entries, Function<T, String> id, int limit) {
        String w = fold(wanted);
        if (w.isEmpty()) {
            return List.of();
        }
        int bound = Math.max(3, w.length() / 2);
        return entries.stream()
                .filter(e -> related(w, fold(id.apply(e)), bound))
                .sorted(Comparator.comparingInt((T e) -> nested(w, fold(id.apply(e))) ? 0 : 1)
                        .thenComparingInt(e -> distance(w, fold(id.apply(e)))).thenComparing(id))
                .limit(limit).toList();
    }

    static String fold(String id) {
        return id.strip().toLowerCase(Locale.ROOT).replaceAll("[._\\s]+", "-");
    }

    private static boolean related(String wanted, String candidate, int bound) {
        return nested(wanted, candidate) || distance(wanted, candidate) <= bound;
    }

    private static boolean nested(String wanted, String candidate) {
        return candidate.contains(wanted) || wanted.contains(candidate);
    }

    /** Classic two-row Levenshtein distance; ids are short (under 40 characters). */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
