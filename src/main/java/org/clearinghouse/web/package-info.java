/**
 * The HTTP face of the wiki: Javalin routes, Pebble views, the read-only JSON API, error mapping
 * and security headers. Turns requests into calls on {@link org.clearinghouse.wiki.Wiki} and its
 * answers into HTML or JSON; holds no wiki logic of its own.
 *
 * <p>May import {@code page}, {@code account} and {@code wiki} (and the value types the wiki
 * hands out from {@code render} and {@code search}), Javalin, Jackson, Pebble and ROME (which
 * writes the Atom feeds). Must not import {@code store} or the search and revision indexes
 * themselves, nor JGit, Flexmark or Lucene.
 */
package org.clearinghouse.web;
