/**
 * Domain values shared by every layer: validated page names, page metadata, revisions, authors,
 * and the closed set of errors the engine can answer with.
 *
 * <p>This package is the bottom of the stack: it must not import the other Clearinghouse
 * packages nor any third-party library (no JGit, Flexmark, Lucene, Javalin or Pebble).
 */
package org.clearinghouse.page;
