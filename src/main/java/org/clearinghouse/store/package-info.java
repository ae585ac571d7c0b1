/**
 * The content repository: one bare Git repository on branch {@code main}, read and written with
 * JGit. Commits are built without a working tree ({@code ObjectInserter} plus an in-core
 * {@code DirCache}) and the branch moves by compare-and-swap on the commit they were built on.
 *
 * <p>May import {@code org.clearinghouse.page} and JGit. Must not import the {@code render},
 * {@code search}, {@code wiki}, {@code web} or {@code app} packages, Flexmark, Lucene, Javalin or
 * Pebble. JGit is imported by this package only; what leaves it is plain Java values.
 */
package org.clearinghouse.store;
