package org.clearinghouse.render;

import java.util.List;
import java.util.Objects;

/**
 * A page rendered to sanitized HTML, ready to be inserted into a template unescaped. Immutable
 * and thread-safe, so it can be cached by the page's blob id (the red links in it also depend on
 * which pages existed when it was rendered; the wiki drops those entries when that changes).
 *
 * @param html sanitized HTML of the page body, without the front matter
 * @param headings every heading (levels 1-6) in document order, with the ids used in {@code html}
 * @param outline front matter, first heading and links, equal to what {@code outline()} gives
 */
public record RenderedPage(String html, List<Heading> headings, PageOutline outline) {

    public RenderedPage {
        Objects.requireNonNull(html, "html");
        headings = List.copyOf(headings);
        Objects.requireNonNull(outline, "outline");
    }
}
