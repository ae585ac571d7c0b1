package org.clearinghouse.wiki;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.clearinghouse.page.PageMetadata;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.Revision;
import org.clearinghouse.render.Heading;

/**
 * Everything needed to show one page at one revision.
 *
 * @param path the page
 * @param title its title (front matter, first heading, or name)
 * @param metadata its front matter
 * @param text its source text, read from Git on first use (a cached rendering needs none)
 * @param html sanitized HTML, empty when rendering failed
 * @param renderError why there is no HTML, for a person; empty when rendering worked
 * @param headings the headings, for a table of contents
 * @param lastChange the newest commit (at the revision shown) that changed the page
 * @param revision the commit asked for when an old revision is shown; empty for the head
 * @param blobId the content-addressed id of the text shown (a cache key)
 * @param backlinks the pages linking here (at the head)
 */
public record PageView(
        PagePath path,
        String title,
        PageMetadata metadata,
        Supplier<String> text,
        Optional<String> html,
        Optional<String> renderError,
        List<Heading> headings,
        Revision lastChange,
        Optional<String> revision,
        String blobId,
        List<PageEntry> backlinks) {

    /** The page's Markdown source. */
    public String markdown() {
        return text.get();
    }

    /** True when this is the page as it is now, not an old revision. */
    public boolean isCurrent() {
        return revision.isEmpty();
    }
}
