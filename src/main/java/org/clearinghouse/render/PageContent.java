package org.clearinghouse.render;

import java.util.List;

/**
 * A page as a search index wants it: its outline, the text of its headings, and its body as
 * plain text (no markup, no front matter). Immutable.
 */
public record PageContent(PageOutline outline, List<String> headings, String text) {
    public PageContent {
        headings = List.copyOf(headings);
    }
}
