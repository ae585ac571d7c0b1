package org.clearinghouse.wiki;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.render.LinkResolver;
import org.clearinghouse.render.RenderedPage;

/**
 * Rendered HTML by page and blob id. A blob's text never changes, so an entry can only go stale
 * through its links: a linked page that starts or stops existing changes a red link. Each entry
 * therefore remembers which of its links existed when it was rendered and is used only while
 * that is still true — checked against the current snapshot on every read, never guessed.
 * Thread-safe; bounded by dropping arbitrary entries when full (they are cheap to rebuild).
 */
final class RenderCache {
    private record Key(PagePath path, String blobId) {}

    private record Entry(RenderedPage page, Map<PagePath, Boolean> linkExisted) {
        boolean stillValid(LinkResolver links) {
            for (Map.Entry<PagePath, Boolean> link : linkExisted.entrySet()) {
                if (links.exists(link.getKey()) != link.getValue()) {
                    return false;
                }
            }
            return true;
        }
    }

    private final int capacity;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    RenderCache(int capacity) {
        this.capacity = capacity;
    }

    /** The cached rendering, or a fresh one from {@code render} (which may throw). */
    RenderedPage get(PagePath path, String blobId, LinkResolver links, Supplier<RenderedPage> render) {
        Key key = new Key(path, blobId);
        Entry cached = entries.get(key);
        if (cached != null && cached.stillValid(links)) {
            return cached.page();
        }
        RenderedPage page = render.get();
        Map<PagePath, Boolean> existed = new java.util.HashMap<>();
        for (PagePath link : page.outline().links()) {
            existed.put(link, links.exists(link));
        }
        if (entries.size() >= capacity) {
            entries.keySet().stream().limit(Math.max(1, capacity / 10)).toList().forEach(entries::remove);
        }
        entries.put(key, new Entry(page, Map.copyOf(existed)));
        return page;
    }
}
