package org.clearinghouse.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends an HTML page through the layout: adds what every page needs (the site name, the current
 * path for the navigation) to the model and renders the named view.
 */
final class Pages {
    private final Views views;
    private final WebSettings settings;
    private final String nonce = UUID.randomUUID().toString();

    Pages(Views views, WebSettings settings) {
        this.views = views;
        this.settings = settings;
    }

    /**
     * A value that changes whenever this process starts, folded into every ETag: the templates
     * (which may have been restyled on disk) are part of every page's bytes.
     */
    String nonce() {
        return nonce;
    }

    void send(Context ctx, String view, Map<String, Object> model) {
        ctx.html(render(ctx, view, model));
    }

    String render(Context ctx, String view, Map<String, Object> model) {
        Map<String, Object> full = new HashMap<>(model);
        full.put("site", Map.of("name", settings.siteName()));
        full.put("requestPath", ctx.path());
        full.put("section", section(ctx.path()));
        return views.render(view, full);
    }

    /** The first segment of the request path ("tags" for /tags/x), for highlighting the navigation. */
    private static String section(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        return slash < 0 ? trimmed : trimmed.substring(0, slash);
    }
}
