package org.clearinghouse.render;

import java.util.Optional;
import org.clearinghouse.page.PageMetadata;

/**
 * A page split into its YAML front matter and its Markdown body. The front matter is cut off
 * here, before Flexmark sees the text, so it can never be rendered as part of the page: a block
 * opened by a {@code ---} first line and closed by a {@code ---} or {@code ...} line is hidden
 * whether or not its YAML is readable. Immutable and thread-safe.
 *
 * @param yaml the text between the fences, when there is front matter
 * @param metadata what the front matter says; {@link PageMetadata#EMPTY} when absent or unreadable
 * @param body the Markdown after the front matter (the whole text when there is none)
 */
record FrontMatter(Optional<String> yaml, PageMetadata metadata, String body) {

    private static FrontMatter none(String markdown) {
        return new FrontMatter(Optional.empty(), PageMetadata.EMPTY, markdown);
    }

    /** Splits a page. Never throws for any text. */
    static FrontMatter split(String markdown) {
        int[] fences = fences(markdown);
        if (fences == null) {
            return none(markdown);
        }
        String yaml = markdown.substring(fences[0], fences[1]);
        return new FrontMatter(Optional.of(yaml), MetadataReader.read(yaml), markdown.substring(fences[2]));
    }

    /** The Markdown after the front matter, without reading the YAML; the whole text when there is none. */
    static String bodyOf(String markdown) {
        int[] fences = fences(markdown);
        return fences == null ? markdown : markdown.substring(fences[2]);
    }

    /** Where the YAML starts and ends and the body starts; null when there is no front matter. */
    private static int[] fences(String markdown) {
        // A byte order mark before the opening fence is invisible to the author; tolerate it.
        int start = markdown.startsWith("\uFEFF") ? 1 : 0;
        int firstEnd = lineEnd(markdown, start);
        if (!isFence(markdown, start, firstEnd, false)) {
            return null;
        }
        int lineStart = nextLine(markdown, firstEnd);
        while (lineStart < markdown.length()) {
            int end = lineEnd(markdown, lineStart);
            if (isFence(markdown, lineStart, end, true)) {
                return new int[] {nextLine(markdown, firstEnd), lineStart, nextLine(markdown, end)};
            }
            lineStart = nextLine(markdown, end);
        }
        // Never closed: it was a thematic break, not front matter.
        return null;
    }

    private static int lineEnd(String s, int from) {
        int nl = s.indexOf('\n', from);
        int end = nl < 0 ? s.length() : nl;
        return end > from && s.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    private static int nextLine(String s, int lineEnd) {
        int nl = s.indexOf('\n', lineEnd);
        return nl < 0 ? s.length() : nl + 1;
    }

    /** {@code ---} (or, when closing, {@code ...}) followed only by spaces or tabs. */
    private static boolean isFence(String s, int from, int to, boolean closing) {
        if (to - from < 3) {
            return false;
        }
        String marker = s.substring(from, from + 3);
        if (!marker.equals("---") && !(closing && marker.equals("..."))) {
            return false;
        }
        for (int i = from + 3; i < to; i++) {
            if (s.charAt(i) != ' ' && s.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }
}
