package org.clearinghouse.wiki;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.clearinghouse.render.MarkdownRenderer;

/**
 * The tags of page versions, for one walk of the history: each distinct front matter is parsed
 * once. Most commits edit a page's body and keep its front matter, and parsing the YAML (a new
 * SnakeYAML per parse) cost more than reading the page from Git; a rebuild of 20,000 pages and
 * 20,556 commits has 22,068 distinct front matters in 40,549 page versions. Only the text up to
 * the front matter's end is decoded and parsed, not the Markdown after it.
 *
 * <p>The key is the page's text up to and including the first line after the first that is
 * exactly {@code ---} or {@code ...}: such a line always closes front matter, so the block the
 * renderer finds ends at or before it, and the renderer reads the same metadata from that prefix
 * as from the whole page. (A block closed by a looser fence, {@code --- } say, is inside the
 * prefix too; a page with no such line is parsed whole and not remembered.) Thread-safe: the
 * walking threads share one.
 */
final class FrontMatterTags {
    private final MarkdownRenderer renderer;
    private final Map<String, List<String>> byPrefix = new ConcurrentHashMap<>();

    FrontMatterTags(MarkdownRenderer renderer) {
        this.renderer = renderer;
    }

    /** The tags the renderer reads from the front matter of {@code page} (UTF-8 bytes). */
    List<String> of(byte[] page) {
        int end = prefixEnd(page);
        if (end < 0) {
            return renderer.metadata(PageText.decode(page)).tags();
        }
        return byPrefix.computeIfAbsent(PageText.decode(page, end), prefix -> renderer.metadata(prefix).tags());
    }

    /**
     * The length of the prefix through the first line after the first that is exactly
     * {@code ---} or {@code ...} (with or without a carriage return); -1 when there is none.
     * Bytes suffice: in UTF-8 these characters, CR and LF are never part of a longer sequence.
     */
    static int prefixEnd(byte[] page) {
        int lineStart = indexOf(page, (byte) '\n', 0) + 1;
        while (lineStart > 0 && lineStart < page.length) {
            int newline = indexOf(page, (byte) '\n', lineStart);
            int next = newline < 0 ? page.length : newline + 1;
            int end = newline < 0 ? page.length : newline;
            if (end > lineStart && page[end - 1] == '\r') {
                end--;
            }
            if (isBareFence(page, lineStart, end)) {
                return next;
            }
            lineStart = next;
        }
        return -1;
    }

    private static boolean isBareFence(byte[] page, int start, int end) {
        if (end - start != 3) {
            return false;
        }
        byte c = page[start];
        return (c == '-' || c == '.') && page[start + 1] == c && page[start + 2] == c;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
