package org.clearinghouse.search;

/**
 * The edit distance Lucene's Levenshtein automata with transpositions accept by: insertions,
 * deletions, substitutions and swaps of two neighbouring letters each count one, and no letter
 * is edited twice (the "optimal string alignment" distance). Counted in code points. An
 * automaton says whether a word is within n edits; this says how many, which ranks the words it
 * accepted. Stateless.
 */
final class EditDistance {
    private EditDistance() {}

    /** The distance between {@code a} and {@code b} after their first {@code skip} code points. */
    static int between(int[] a, int[] b, int skip) {
        int from = Math.min(skip, Math.min(a.length, b.length));
        int n = a.length - from;
        int m = b.length - from;
        // Three rows: the swap rule looks two rows back.
        int[] older = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int ai = a[from + i - 1];
            for (int j = 1; j <= m; j++) {
                int bj = b[from + j - 1];
                int cost = ai == bj ? 0 : 1;
                int best = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ai == b[from + j - 2] && a[from + i - 2] == bj) {
                    best = Math.min(best, older[j - 2] + 1);
                }
                current[j] = best;
            }
            int[] spare = older;
            older = previous;
            previous = current;
            current = spare;
        }
        return previous[m];
    }
}
