package org.clearinghouse.store;

/**
 * The branch moved while a commit was being built on it (another save won the race). Nothing was
 * written to the branch; the caller rebuilds its change on the new head and tries again.
 */
public final class CommitRejectedException extends Exception {
    private final String actualHead;

    public CommitRejectedException(String actualHead) {
        super("The branch moved to " + actualHead + " while the commit was being built.");
        this.actualHead = actualHead;
    }

    /** The head the branch points at now. */
    public String actualHead() {
        return actualHead;
    }
}
