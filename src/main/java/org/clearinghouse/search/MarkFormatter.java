package org.clearinghouse.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats the highlighter's passages as safe HTML: every character of the page text is escaped
 * (the body may well contain {@code <script>} as text), runs of white space become one space,
 * and matches are wrapped in {@code <mark>…</mark>}. A passage longer than {@value #MAX_CHARS}
 * characters (one endless sentence) is cut to a window around its first match, and an ellipsis
 * marks text left out at either end. Stateless; thread-safe.
 */
final class MarkFormatter extends PassageFormatter {
    /** The longest snippet text, before escaping: about two lines of a result list. */
    static final int MAX_CHARS = 240;
    static final String ELLIPSIS = "\u2026";

    @Override
    public String format(Passage[] passages, String content) {
        StringBuilder html = new StringBuilder();
        for (Passage passage : passages) {
            if (html.length() > 0) {
                html.append(' ').append(ELLIPSIS).append(' ');
            }
            append(html, passage, content);
        }
        return html.toString();
    }

    private static void append(StringBuilder html, Passage passage, String content) {
        int start = passage.getStartOffset();
        int end = Math.min(passage.getEndOffset(), content.length());
        List<int[]> matches = mergedMatches(passage);
        if (end - start > MAX_CHARS) {
            int first = matches.isEmpty() ? start : matches.get(0)[0];
            start = Math.max(start, wordStart(content, Math.max(start, first - MAX_CHARS / 3)));
            end = wordEnd(content, Math.min(end, start + MAX_CHARS), start);
        }
        if (start > 0) {
            html.append(ELLIPSIS);
        }
        int at = start;
        for (int[] match : matches) {
            if (match[0] < at || match[1] > end) {
                continue;
            }
            escape(html, content, at, match[0]);
            html.append("<mark>");
            escape(html, content, match[0], match[1]);
            html.append("</mark>");
            at = match[1];
        }
        escape(html, content, at, end);
        if (end < content.length()) {
            html.append(ELLIPSIS);
        }
    }

    /** Matches in order with overlapping ones joined, so marks never nest or cross. */
    private static List<int[]> mergedMatches(Passage passage) {
        List<int[]> merged = new ArrayList<>();
        int[] starts = passage.getMatchStarts();
        int[] ends = passage.getMatchEnds();
        for (int i = 0; i < passage.getNumMatches(); i++) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && starts[i] <= last[1]) {
                last[1] = Math.max(last[1], ends[i]);
            } else {
                merged.add(new int[] {starts[i], ends[i]});
            }
        }
        return merged;
    }

    private static int wordStart(String content, int offset) {
        int at = offset;
        while (at > 0 && !Character.isWhitespace(content.charAt(at - 1)) && offset - at < 20) {
            at--;
        }
        return at;
    }

    private static int wordEnd(String content, int offset, int start) {
        int at = offset;
        while (at < content.length() && at > start && !Character.isWhitespace(content.charAt(at)) && offset - at < 20) {
            at--;
        }
        if (at > start && at < content.length() && Character.isLowSurrogate(content.charAt(at))) {
            at--; // never split a surrogate pair
        }
        return at > start ? at : offset;
    }

    /** Appends {@code content[from, to)} HTML-escaped, with white space collapsed to single spaces. */
    static void escape(StringBuilder html, String content, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = content.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> {
                    if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                        if (html.length() == 0 || html.charAt(html.length() - 1) != ' ') {
                            html.append(' ');
                        }
                    } else {
                        html.append(c);
                    }
                }
            }
        }
    }

    /** {@code text} escaped whole, white space collapsed. */
    static String escape(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        escape(html, text, 0, text.length());
        return html.toString().strip();
    }
}
