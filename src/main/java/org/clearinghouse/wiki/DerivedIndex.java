package org.clearinghouse.wiki;

/**
 * A cache derived from the repository that follows the branch (the search index, the revision
 * index). Each is stamped with the commit it reflects, catches up from there by diffing, and can
 * be thrown away and rebuilt from Git. The wiki calls these methods from one thread at a time
 * (under its refresh lock), after the head snapshot has moved.
 */
interface DerivedIndex extends AutoCloseable {

    /** A short name for logs, e.g. "search". */
    String name();

    /**
     * Brings the index up to {@code snapshot}: from the commit it reflects by diffing, or by a
     * full rebuild when it reflects none or a commit the repository no longer has.
     */
    void catchUp(Snapshot snapshot);

    /** Saves what is pending and releases the index. */
    @Override
    void close();
}
