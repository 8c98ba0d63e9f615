package org.edgemoe.sim;

import java.util.Comparator;
import java.util.List;

/** "Did you mean" for signal names: the known names closest by edit distance. */
final class NameSuggestions {
    private NameSuggestions() {
    }

    static List<String> nearest(String wanted, List<String> known, int limit) {
        return known.stream()
            .sorted(Comparator.comparingInt((String k) -> distance(wanted, k)).thenComparing(k -> k))
            .limit(limit)
            .toList();
    }

    /** Levenshtein distance, case-insensitive (a wrong case is an easy slip). */
    static int distance(String a, String b) {
        String x = a.toLowerCase();
        String y = b.toLowerCase();
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) previous[j] = j;
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitute = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
