package org.clearinghouse.render;

import org.clearinghouse.page.PagePath;

/**
 * Tells the renderer whether a linked page exists, so links to missing pages can be drawn as red
 * links (CSS class {@code missing}). Implemented by the wiki from its head snapshot; must be
 * thread-safe and fast (called once per link).
 */
@FunctionalInterface
public interface LinkResolver {
    boolean exists(PagePath page);
}
