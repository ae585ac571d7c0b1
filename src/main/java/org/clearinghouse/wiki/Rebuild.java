package org.clearinghouse.wiki;

/** What {@link Wiki#reindex} can rebuild from Git; a full reindex rebuilds all of them, in this order. */
public enum Rebuild {
    /** The revision index that history, recent changes and last-changed dates read. */
    HISTORY,
    /** The saved head snapshot: every page's title, tags and links, read afresh from its Markdown. */
    PAGES,
    /** The page index that search reads. */
    SEARCH
}
