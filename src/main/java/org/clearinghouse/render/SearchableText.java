package org.clearinghouse.render;

import java.util.List;
import java.util.Objects;

/**
 * What the search index takes from a page's Markdown: the text of each heading, and the plain
 * text of the whole body (headings included) with the Markdown syntax taken out.
 */
public record SearchableText(List<String> headings, String text) {
    public SearchableText {
        headings = List.copyOf(headings);
        Objects.requireNonNull(text, "text");
    }
}
