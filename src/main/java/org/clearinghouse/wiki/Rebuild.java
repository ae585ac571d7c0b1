package org.clearinghouse.wiki;

/** A derived index that {@link Wiki#reindex} can rebuild from Git. */
public enum Rebuild {
    /** The page index that search reads, with the head snapshot it is built from. */
    SEARCH,
    /** The revision index that history, recent changes and last-changed dates read. */
    HISTORY
}
