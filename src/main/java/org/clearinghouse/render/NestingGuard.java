package org.clearinghouse.render;

/**
 * Bounds how deeply Markdown block containers (block quotes and lists) can nest, before the text
 * reaches Flexmark, whose block parser and renderer recurse once per level. Thread-safe
 * (stateless).
 *
 * <p>Nesting depth comes from two things on each line: container markers ({@code >}, {@code -},
 * {@code +}, {@code *}, {@code 1.}, {@code 1)}) and indentation (a nested list item is indented
 * past its parent's marker). So a line may open at most {@value #MAX_MARKERS} containers (the
 * next marker is backslash-escaped and shows as text), and whitespace in a line's prefix is cut
 * at {@value #MAX_INDENT} columns. Real pages never come near either; a hostile one nests at
 * most about a hundred levels instead of thousands. Lines inside a top-level fenced code block
 * are left alone, so code keeps its exact text.
 */
final class NestingGuard {

    static final int MAX_MARKERS = 32;
    static final int MAX_INDENT = 128;

    private NestingGuard() {}

    /** The text with over-deep line prefixes defused; the same instance when nothing changed. */
    static String bound(String markdown) {
        StringBuilder out = null;
        String fence = null;
        int lineStart = 0;
        int copied = 0;
        while (lineStart < markdown.length()) {
            int nl = markdown.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? markdown.length() : nl;
            fence = nextFence(markdown, lineStart, lineEnd, fence);
            String fixed = fence == null && !isThematicBreak(markdown, lineStart, lineEnd)
                    ? boundLine(markdown, lineStart, lineEnd) : null;
            if (fixed != null) {
                if (out == null) {
                    out = new StringBuilder(markdown.length() + 16);
                }
                out.append(markdown, copied, lineStart).append(fixed);
                copied = lineEnd;
            }
            lineStart = lineEnd + 1;
        }
        return out == null ? markdown : out.append(markdown, copied, markdown.length()).toString();
    }

    /**
     * The fence we are inside after this line: opened by a top-level line of three or more
     * backticks or tildes, closed by a line of at least as many of the same.
     */
    private static String nextFence(String s, int from, int to, String open) {
        int i = from;
        while (i < to && i - from < 4 && s.charAt(i) == ' ') {
            i++;
        }
        if (i - from >= 4 || i >= to || (s.charAt(i) != '`' && s.charAt(i) != '~')) {
            return open;
        }
        char c = s.charAt(i);
        int run = i;
        while (run < to && s.charAt(run) == c) {
            run++;
        }
        if (run - i < 3) {
            return open;
        }
        String marker = s.substring(i, run);
        if (open == null) {
            return marker;
        }
        boolean closes = marker.charAt(0) == open.charAt(0) && marker.length() >= open.length()
                && s.substring(run, to).isBlank();
        return closes ? null : open;
    }

    /** The line with its prefix defused, or null when it is within bounds. */
    private static String boundLine(String s, int from, int to) {
        StringBuilder fixed = null;
        int copied = from;
        int col = 0;
        int markers = 0;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                int width = c == '\t' ? 4 - col % 4 : 1;
                if (col + width > MAX_INDENT) {
                    // Drop the rest of this run of blanks, keeping one so "- x" stays a marker
                    // and its text; what follows is still checked.
                    boolean runStarted = i > from && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t');
                    int next = skipBlanks(s, i, to);
                    fixed = append(fixed, s, copied, i);
                    if (!runStarted) {
                        fixed.append(' ');
                        col++;
                    }
                    copied = next;
                    i = next;
                    continue;
                }
                col += width;
                i++;
                continue;
            }
            int markerEnd = markerEnd(s, i, to);
            if (markerEnd < 0) {
                break;
            }
            if (++markers > MAX_MARKERS) {
                // Escape the marker's last character: \>, \-, 1\. all read as text.
                int escapeAt = markerEnd - 1;
                fixed = append(fixed, s, copied, escapeAt).append('\\');
                copied = escapeAt;
                break;
            }
            col += markerEnd - i;
            i = markerEnd;
        }
        return fixed == null ? null : fixed.append(s, copied, to).toString();
    }

    private static StringBuilder append(StringBuilder fixed, String s, int from, int to) {
        StringBuilder out = fixed == null ? new StringBuilder(to - from + 64) : fixed;
        return out.append(s, from, to);
    }

    /** A line like {@code * * *} or {@code - - -} is a rule, not a stack of list items. */
    private static boolean isThematicBreak(String s, int from, int to) {
        char rule = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '*' || c == '_') {
                if (rule != 0 && c != rule) {
                    return false;
                }
                rule = c;
                count++;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return count >= 3;
    }

    private static int skipBlanks(String s, int i, int to) {
        while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** The end of a container marker starting at {@code i}, or -1 when none starts there. */
    private static int markerEnd(String s, int i, int to) {
        char c = s.charAt(i);
        if (c == '>') {
            return i + 1;
        }
        int end = i;
        if (c == '-' || c == '+' || c == '*') {
            end = i + 1;
        } else {
            while (end < to && end - i < 9 && Character.isDigit(s.charAt(end)) && s.charAt(end) < 128) {
                end++;
            }
            if (end == i || end >= to || (s.charAt(end) != '.' && s.charAt(end) != ')')) {
                return -1;
            }
            end++;
        }
        // A list marker must be followed by a blank or the end of the line.
        boolean blankAfter = end >= to || s.charAt(end) == ' ' || s.charAt(end) == '\t' || s.charAt(end) == '\r';
        return blankAfter ? end : -1;
    }
}
