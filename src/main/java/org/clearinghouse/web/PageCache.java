package org.clearinghouse.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * The finished bytes of page views for readers who are not logged in, so that a page at the head
 * costs about what a static file costs: no Git read, no Markdown, no template, no hashing.
 *
 * <p>An entry is keyed by what the bytes depend on besides the page itself — the scheme, host
 * and path of the request (the layout links the canonical URL and the login form's way back) —
 * and holds the page's ETag, which already names everything else the bytes depend on (blob,
 * last change, backlinks, attachments, the rendered HTML, the templates). It is stamped with the
 * head commit it was checked at: while the head stays there the bytes are sent as they are. After
 * a commit the first view recomputes the ETag (no template) and re-stamps the entry if it did not
 * change. Entries also expire when their "3 days ago" text would change.
 *
 * <p>Bounded by a byte budget; past it, the least recently used tenth is dropped. The gzip form
 * is made on the first request that accepts it. Thread-safe.
 */
final class PageCache {
    /** One page's bytes as sent to anonymous readers. */
    static final class Entry {
        private final String key;
        private final String etag;
        private final byte[] html;
        private final long expiresAtMillis;
        private volatile String commitId;
        private volatile byte[] gzip;
        private volatile long lastUsed;
        private volatile HttpField etagField;
        private boolean removed; // guarded by this

        private Entry(String key, String etag, byte[] html, String commitId, long expiresAtMillis) {
            this.key = key;
            this.etag = etag;
            this.html = html;
            this.commitId = commitId;
            this.expiresAtMillis = expiresAtMillis;
        }

        String etag() {
            return etag;
        }

        /** The ETag header, encoded once for the handler that answers from the cache. */
        HttpField etagField() {
            HttpField field = etagField;
            if (field == null) {
                field = new PreEncodedHttpField(HttpHeader.ETAG, etag);
                etagField = field;
            }
            return field;
        }
    }

    static final String HTML = "text/html;charset=utf-8";

    private final long budgetBytes;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();
    private final Object evicting = new Object();

    PageCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** A quarter of the heap, at most 256 MB. */
    static PageCache sizedForHeap() {
        return new PageCache(Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4));
    }

    /** The cache key of a request: what the bytes of one page depend on besides the page. */
    static String key(Context ctx) {
        return key(ctx.req().getScheme(), ctx.req().getHeader("Host"), ctx.req().getRequestURI());
    }

    /** The same key from the parts of a request as Jetty sees them ({@link CachedPageHandler}). */
    static String key(String scheme, String host, String rawPath) {
        return scheme + "://" + host + rawPath;
    }

    /** The entry for {@code key} checked at {@code commitId} and not expired, else null. */
    Entry fresh(String key, String commitId) {
        Entry entry = entries.get(key);
        if (entry == null || !commitId.equals(entry.commitId) || expired(entry)) {
            return null;
        }
        entry.lastUsed = clock.incrementAndGet();
        return entry;
    }

    /**
     * After the head moved: the entry for {@code key} when its bytes still have {@code etag},
     * re-stamped with {@code commitId}; else null.
     */
    Entry revalidate(String key, String etag, String commitId) {
        Entry entry = entries.get(key);
        if (entry == null || !entry.etag.equals(etag) || expired(entry)) {
            return null;
        }
        entry.commitId = commitId;
        entry.lastUsed = clock.incrementAndGet();
        return entry;
    }

    /** Keeps a freshly rendered page; {@code stableForMillis}: until its relative times change. */
    Entry put(String key, String etag, String commitId, String html, long stableForMillis) {
        Entry entry = new Entry(key, etag, html.getBytes(StandardCharsets.UTF_8), commitId,
                System.currentTimeMillis() + stableForMillis);
        entry.lastUsed = clock.incrementAndGet();
        bytes.addAndGet(size(entry));
        Entry old = entries.put(key, entry);
        if (old != null) {
            forget(old);
        }
        if (bytes.get() > budgetBytes) {
            evict();
        }
        return entry;
    }

    /** Sends an entry: 304 when the client has it, gzip when the client takes it. */
    void send(Context ctx, Entry entry) {
        ctx.header("ETag", entry.etag);
        ctx.header("Cache-Control", "no-cache");
        ctx.header("Vary", "Accept-Encoding");
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && ETags.matches(ifNoneMatch, entry.etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(HTML);
        boolean gzip = acceptsGzip(ctx.header("Accept-Encoding"));
        if (gzip) {
            ctx.header("Content-Encoding", "gzip");
        }
        byte[] body = body(entry, gzip);
        // One write of a known length: the server sends headers and body together, unchunked.
        ctx.res().setContentLength(body.length);
        try {
            ctx.res().getOutputStream().write(body);
        } catch (IOException e) {
            // The client went away mid-response: nothing left to tell it.
        }
    }

    /** The bytes to send: the page, or its gzip form (made once, on first demand). */
    byte[] body(Entry entry, boolean gzip) {
        return gzip ? gzip(entry) : entry.html;
    }

    long bytes() {
        return bytes.get();
    }

    int size() {
        return entries.size();
    }

    private byte[] gzip(Entry entry) {
        byte[] zipped = entry.gzip;
        if (zipped != null) {
            return zipped;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(entry.html.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(entry.html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        zipped = out.toByteArray();
        synchronized (entry) {
            if (entry.gzip == null) {
                entry.gzip = zipped;
                if (!entry.removed) {
                    bytes.addAndGet(zipped.length);
                }
            }
            return entry.gzip;
        }
    }

    /** Takes a replaced or dropped entry out of the byte count, once. */
    private void forget(Entry entry) {
        synchronized (entry) {
            if (!entry.removed) {
                entry.removed = true;
                bytes.addAndGet(-size(entry));
            }
        }
    }

    /** Accepts gzip unless absent or refused with {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].strip();
            if (coding.equalsIgnoreCase("gzip") || coding.equals("*")) {
                for (int i = 1; i < pieces.length; i++) {
                    String param = pieces[i].strip().replace(" ", "");
                    if (param.matches("[qQ]=0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static boolean expired(Entry entry) {
        return System.currentTimeMillis() >= entry.expiresAtMillis;
    }

    private static long size(Entry entry) {
        byte[] zipped = entry.gzip;
        return entry.html.length + (zipped == null ? 0 : zipped.length) + 200L;
    }

    /** Drops the least recently used tenth, and more until within budget. */
    private void evict() {
        synchronized (evicting) {
            if (bytes.get() <= budgetBytes) {
                return;
            }
            // Sorted by a copy of each entry's last use: readers keep touching entries meanwhile,
            // and sorting on a value that changes under the sort breaks its contract (it throws).
            record Use(Entry entry, long lastUsed) {}
            List<Use> all = new ArrayList<>(entries.size());
            for (Entry entry : entries.values()) {
                all.add(new Use(entry, entry.lastUsed));
            }
            all.sort(Comparator.comparingLong(Use::lastUsed));
            int drop = Math.max(1, all.size() / 10);
            for (int i = 0; i < all.size() && (i < drop || bytes.get() > budgetBytes); i++) {
                Entry entry = all.get(i).entry();
                if (entries.remove(entry.key, entry)) {
                    forget(entry);
                }
            }
        }
    }
}
