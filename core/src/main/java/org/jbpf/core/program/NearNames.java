package org.jbpf.core.program;

import java.util.Collection;

/**
 * The name nearest to a mistyped one, for "did you mean" advice on section kinds, tracepoints and uprobe functions: the closest by
 * edit distance within a few edits, where swapping two neighbouring letters (the commonest typo) counts as one.
 */
public final class NearNames {
    private NearNames() {}

    /** "; did you mean X?" for the nearest of {@code names} within a few edits of {@code wrong}, else "". */
    public static String didYouMean(String wrong, Collection<String> names) {
        String best = nearest(wrong, names);
        return best == null ? "" : "; did you mean " + best + "?";
    }

    /** The nearest of {@code names} within max(2, a quarter of its length) edits of {@code wrong}, or null. */
    public static String nearest(String wrong, Collection<String> names) {
        String best = null;
        int bestDistance = Math.max(2, wrong.length() / 4) + 1;
        for (String n : names) {
            if (Math.abs(n.length() - wrong.length()) >= bestDistance) continue;  // too far already, whatever its letters
            int d = distance(wrong, n);
            if (d < bestDistance) {
                bestDistance = d;
                best = n;
            }
        }
        return best;
    }

    /** Edit distance where swapping two neighbouring letters counts as one edit. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++)
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1))
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        return d[a.length()][b.length()];
    }
}
