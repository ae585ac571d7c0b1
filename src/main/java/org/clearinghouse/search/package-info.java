/**
 * The wiki's Lucene indexes. The page index: full-text search over the wiki's pages, with the
 * query language users type (words, "phrases", {@code -exclusions}, {@code prefix*},
 * {@code tag:}/{@code audience:}/{@code type:} filters), highlighted snippets, facet counts, "did
 * you mean" and title suggestions for search-as-you-type.
 *
 * <p>The index is a cache of the Git repository: every Lucene commit carries the Git commit id it
 * reflects in its user data ({@code "commit"}), so at start the wiki catches up from there by
 * diffing trees; an unreadable index is wiped and rebuilt rather than crashing the start. Writes
 * become searchable at once through near-real-time readers; durable commits happen every few
 * seconds, not on every save. The entry point is {@link org.clearinghouse.search.SearchIndex};
 * everything that leaves the package is a plain Java value ({@link
 * org.clearinghouse.search.SearchResults}, {@link org.clearinghouse.search.SearchHit}, …).
 *
 * <p>The revision index ({@link org.clearinghouse.search.RevisionIndex}): one document per page
 * change, so page history (following renames) and recent changes are queries, not walks of the
 * Git history; stamped with its Git commit and kept up to date in the same way.
 *
 * <p>May import Lucene, slf4j and {@code org.clearinghouse.page}. Must not import the {@code store},
 * {@code render}, {@code wiki}, {@code web} or {@code app} packages, JGit, Flexmark, Javalin or
 * Pebble. Lucene is imported by this package only: no Lucene type appears in its public API.
 */
package org.clearinghouse.search;
