/**
 * The engine's use cases behind one facade, {@link org.clearinghouse.wiki.Wiki}: view a page at
 * the head or at any revision, list pages and tags, follow backlinks, read a page's history,
 * compare and blame its revisions, revert to one. Keeps an immutable snapshot of the head (pages,
 * titles, tags, links) that is swapped atomically when the branch moves, and a cache of rendered
 * HTML keyed by blob id. History is answered from the revision index, never by walking Git.
 *
 * <p>May import {@code page}, {@code store}, {@code render} and {@code search}. Knows nothing of
 * HTTP: must not import {@code web} or {@code app}, Javalin or Pebble, nor JGit, Flexmark or
 * Lucene directly (those stay behind their packages).
 */
package org.clearinghouse.wiki;
