package org.clearinghouse.web;

import io.javalin.config.JavalinConfig;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Answers page views that {@link PageCache} already holds for the current head straight from
 * Jetty, before the servlet layer and Javalin's routing, which cost several times what sending
 * the bytes does. Only a plain {@code GET} of {@code /} or {@code /wiki/...} without a query
 * string, credentials or a session cookie qualifies — exactly the anonymous views the cache was
 * filled from — and only a fresh entry is used; everything else, and every miss, goes on to the
 * app unchanged, which fills the cache. The answer carries the same headers the app sends
 * ({@link SecurityHeaders}, ETag, caching, type, encoding). Thread-safe.
 */
final class CachedPageHandler extends Handler.Wrapper {
    private final PageCache cache;
    private final Supplier<String> head;

    private CachedPageHandler(PageCache cache, Supplier<String> head) {
        this.cache = cache;
        this.head = head;
    }

    /**
     * Puts the handler innermost in the server's handlers, so Javalin's servlet context (which
     * Javalin places inside the innermost wrapper) sits behind it. Call after any other
     * {@code modifyServer} that installs wrappers.
     */
    static void install(JavalinConfig config, PageCache cache, Supplier<String> head) {
        config.jetty.modifyServer(server -> {
            Handler.Wrapper innermost = null;
            for (Handler h = server.getHandler(); h instanceof Handler.Wrapper w; h = w.getHandler()) {
                innermost = w;
            }
            CachedPageHandler handler = new CachedPageHandler(cache, head);
            if (innermost == null) {
                server.setHandler(handler);
            } else {
                innermost.setHandler(handler);
            }
        });
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        PageCache.Entry entry = lookup(request);
        if (entry == null) {
            return super.handle(request, response, callback);
        }
        HttpFields.Mutable headers = response.getHeaders();
        for (HttpField field : COMMON_FIELDS) {
            headers.add(field);
        }
        headers.add(entry.etagField());
        String ifNoneMatch = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
        if (ifNoneMatch != null && ETags.matches(ifNoneMatch, entry.etag())) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            response.write(true, BufferUtil.EMPTY_BUFFER, callback);
            return true;
        }
        boolean gzip = PageCache.acceptsGzip(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING));
        byte[] body = cache.body(entry, gzip);
        response.setStatus(HttpStatus.OK_200);
        headers.add(CONTENT_TYPE);
        if (gzip) {
            headers.add(GZIP);
        }
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /**
     * The headers every cached answer carries, encoded once: on the hot path a page view costs
     * about what copying its bytes costs, and formatting ten headers per request is not nothing.
     */
    private static final List<HttpField> COMMON_FIELDS = commonFields();
    private static final HttpField CONTENT_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, PageCache.HTML);
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

    private static List<HttpField> commonFields() {
        List<HttpField> fields = new ArrayList<>();
        SecurityHeaders.apply((name, value) -> fields.add(new PreEncodedHttpField(name, value)));
        fields.add(new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-cache"));
        fields.add(new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding"));
        return List.copyOf(fields);
    }

    private PageCache.Entry lookup(Request request) {
        if (!HttpMethod.GET.is(request.getMethod())) {
            return null;
        }
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath();
        if (uri.getQuery() != null || path == null || !(path.equals("/") || path.startsWith("/wiki/"))) {
            return null;
        }
        HttpFields headers = request.getHeaders();
        if (headers.contains(HttpHeader.AUTHORIZATION)) {
            return null;
        }
        for (HttpField cookie : headers.getFields(HttpHeader.COOKIE)) {
            if (cookie.getValue().contains(WebApp.SESSION_COOKIE)) {
                return null; // may be logged in: the app decides
            }
        }
        return cache.fresh(PageCache.key(uri.getScheme(), headers.get(HttpHeader.HOST), path), head.get());
    }
}
