/**
 * Markdown to safe HTML: the Flexmark pipeline, wiki links built through a {@link
 * org.clearinghouse.render.LinkResolver}, YAML front matter, and an allow-list sanitizer applied
 * last; and a page's words for the search index, read in one linear pass without Flexmark
 * ({@code MarkdownText}). Pure functions of their inputs; thread-safe.
 *
 * <p>May import {@code org.clearinghouse.page}, Flexmark, jsoup and SnakeYAML. Must not import
 * the {@code store}, {@code search}, {@code wiki}, {@code web} or {@code app} packages, JGit,
 * Lucene, Javalin or Pebble.
 */
package org.clearinghouse.render;
