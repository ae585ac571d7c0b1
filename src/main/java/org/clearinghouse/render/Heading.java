package org.clearinghouse.render;

import java.util.Objects;

/**
 * One heading of a rendered page with the anchor id it carries in the HTML, so the web layer can
 * build a table of contents whose links land on it. Immutable and thread-safe.
 *
 * @param level 1 to 6, as in {@code <h1>} to {@code <h6>}
 * @param id the heading's {@code id} attribute, unique within the page
 * @param text the heading's plain text (not HTML; escape it when showing it)
 */
public record Heading(int level, String id, String text) {

    public Heading {
        if (level < 1 || level > 6) {
            throw new IllegalArgumentException("A heading level is 1 to 6, not " + level);
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
