package org.clearinghouse.wiki;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearinghouse.store.TextDiff;

/**
 * Marks the words that differ between an old line and the new line that replaced it, so a
 * reader sees "recruit → recruiting" rather than two whole lines. Lines are cut into words,
 * runs of spaces and single punctuation marks, and compared with Git's histogram diff. When the
 * lines share no word (only spaces), or are very long, the whole line is marked: highlighting
 * scattered spaces helps nobody. Stateless.
 */
final class WordDiff {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}_]+|\\s+|.", Pattern.DOTALL);
    private static final int MAX_TOKENS = 2_000;

    /** The old line's and the new line's segments. */
    record Pair(List<PageDiff.Segment> old, List<PageDiff.Segment> changed) {}

    private WordDiff() {}

    static Pair compare(String oldLine, String newLine) {
        List<String> a = tokens(oldLine);
        List<String> b = tokens(newLine);
        if (a.size() > MAX_TOKENS || b.size() > MAX_TOKENS) {
            return whole(oldLine, newLine);
        }
        boolean[] changedA = new boolean[a.size()];
        boolean[] changedB = new boolean[b.size()];
        for (TextDiff.Region region : TextDiff.regions(a, b)) {
            java.util.Arrays.fill(changedA, region.beginA(), region.endA(), true);
            java.util.Arrays.fill(changedB, region.beginB(), region.endB(), true);
        }
        if (!sharesAWord(a, changedA)) {
            return whole(oldLine, newLine);
        }
        return new Pair(segments(a, changedA), segments(b, changedB));
    }

    /** A line with nothing to compare it with: one segment, all changed (empty for an empty line). */
    static List<PageDiff.Segment> all(String line) {
        return line.isEmpty() ? List.of() : List.of(new PageDiff.Segment(line, true));
    }

    /** A line unchanged. */
    static List<PageDiff.Segment> none(String line) {
        return line.isEmpty() ? List.of() : List.of(new PageDiff.Segment(line, false));
    }

    private static Pair whole(String oldLine, String newLine) {
        return new Pair(all(oldLine), all(newLine));
    }

    private static boolean sharesAWord(List<String> tokens, boolean[] changed) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!changed[i] && !tokens.get(i).isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(line);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /** Joins neighbouring tokens with the same mark into one segment. */
    private static List<PageDiff.Segment> segments(List<String> tokens, boolean[] changed) {
        List<PageDiff.Segment> segments = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0 && changed[i] != changed[i - 1]) {
                segments.add(new PageDiff.Segment(run.toString(), changed[i - 1]));
                run.setLength(0);
            }
            run.append(tokens.get(i));
        }
        if (run.length() > 0) {
            segments.add(new PageDiff.Segment(run.toString(), changed[tokens.size() - 1]));
        }
        return segments;
    }
}
