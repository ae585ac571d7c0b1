package org.clearinghouse.render;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.clearinghouse.page.PageMetadata;
import org.clearinghouse.page.PagePath;

/**
 * What the wiki needs to know about a page without its HTML: front matter, first top-level
 * heading and the pages it links to (for backlinks and for dropping cached HTML when a linked
 * page appears or disappears). Immutable and thread-safe.
 *
 * @param metadata the page's front matter, {@link PageMetadata#EMPTY} when absent or unreadable
 * @param firstHeading the plain text of the first level-1 heading, if any
 * @param links every wiki page this page links to, whether or not it exists, sorted
 */
public record PageOutline(PageMetadata metadata, Optional<String> firstHeading, Set<PagePath> links) {

    public PageOutline {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(firstHeading, "firstHeading");
        // A sorted copy: two outlines of the same page compare equal and list links stably.
        links = Collections.unmodifiableSortedSet(new TreeSet<>(links));
    }

    /** An outline that knows only the front matter, for pages that could not be parsed. */
    static PageOutline metadataOnly(PageMetadata metadata) {
        return new PageOutline(metadata, Optional.empty(), Set.of());
    }

    /**
     * The title to show for the page: the front matter {@code title}, else the first level-1
     * heading, else the page name with hyphens shown as spaces. Plain text; escape it.
     */
    public String title(PagePath self) {
        return metadata.title()
                .or(() -> firstHeading)
                .orElseGet(self::displayName);
    }
}
