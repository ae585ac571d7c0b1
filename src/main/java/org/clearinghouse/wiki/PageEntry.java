package org.clearinghouse.wiki;

import org.clearinghouse.page.PageMetadata;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.Revision;
import org.clearinghouse.render.PageOutline;

/**
 * A page as the head snapshot knows it: where its text is, what it says about itself, what it
 * links to, and the last commit that changed it. Immutable.
 */
public record PageEntry(PagePath path, String blobId, PageOutline outline, Revision lastChange) {

    public String title() {
        return outline.title(path);
    }

    public PageMetadata metadata() {
        return outline.metadata();
    }
}
