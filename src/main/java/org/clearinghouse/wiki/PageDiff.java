package org.clearinghouse.wiki;

import java.util.List;
import java.util.Optional;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.Revision;

/**
 * The difference between two revisions of a page, laid out for reading: side by side (old left,
 * new right) and inline (deleted lines, then inserted ones), with the words that changed inside
 * a changed line marked. Long unchanged stretches are folded into {@link Type#GAP} rows. The
 * front matter is part of the text, so its changes show like any other.
 *
 * @param path       the page as it is named now
 * @param from       the older revision; empty when the page is shown from its creation
 * @param to         the newer revision
 * @param fromPath   the page's name at {@code from}; empty when it did not exist there
 * @param toPath     the page's name at {@code to}; empty when it did not exist there (deleted)
 * @param sideBySide rows for the two-column view
 * @param inline     lines for the one-column view
 */
public record PageDiff(PagePath path, Optional<Revision> from, Revision to, Optional<PagePath> fromPath,
        Optional<PagePath> toPath, List<Row> sideBySide, List<Line> inline) {

    public PageDiff {
        sideBySide = List.copyOf(sideBySide);
        inline = List.copyOf(inline);
    }

    /** True when the two texts are the same. */
    public boolean identical() {
        return inline.stream().allMatch(line -> line.type() == Type.CONTEXT || line.type() == Type.GAP);
    }

    /** What a row or line shows. */
    public enum Type {
        /** Unchanged. */
        CONTEXT,
        /** Side by side: an old line and the new line that replaced it. */
        CHANGE,
        /** Only in the old text. */
        DELETE,
        /** Only in the new text. */
        INSERT,
        /** Unchanged lines folded away; {@code hidden} says how many. */
        GAP
    }

    /** A run of text within a line; {@code changed} runs are the words that differ. */
    public record Segment(String text, boolean changed) {}

    /**
     * One row of the side-by-side view. A side that has no line has number 0 and no segments.
     */
    public record Row(Type type, int oldNumber, List<Segment> oldSegments, int newNumber, List<Segment> newSegments,
            int hidden) {
        public Row {
            oldSegments = List.copyOf(oldSegments);
            newSegments = List.copyOf(newSegments);
        }
    }

    /** One line of the inline view, with its number in the old text, the new text, or both. */
    public record Line(Type type, int oldNumber, int newNumber, List<Segment> segments, int hidden) {
        public Line {
            segments = List.copyOf(segments);
        }
    }
}
