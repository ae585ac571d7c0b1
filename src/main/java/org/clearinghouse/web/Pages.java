package org.clearinghouse.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clearinghouse.account.Account;

/**
 * Sends an HTML page through the layout: adds what every page needs (the site name, who is
 * logged in, the CSRF token for the logout form, the section for the navigation) to the model
 * and renders the named view.
 */
final class Pages {
    private final Views views;
    private final WebSettings settings;
    private final AccessControl access;
    private final String nonce = UUID.randomUUID().toString();

    Pages(Views views, WebSettings settings, AccessControl access) {
        this.views = views;
        this.settings = settings;
        this.access = access;
    }

    /**
     * A value that changes whenever this process starts, folded into every ETag: the templates
     * (which may have been restyled on disk) are part of every page's bytes.
     */
    String nonce() {
        return nonce;
    }

    /** Who is asking, as it changes a page's bytes (edit links, the logout form): for ETags. */
    String viewer(Context ctx) {
        return access.current(ctx).map(a -> a.name() + "/" + a.role().id()).orElse("-");
    }

    /** The HTML {@link #send} would send, as a string (for caching it). */
    String html(Context ctx, String view, Map<String, Object> model) {
        return render(ctx, view, model, false);
    }

    void send(Context ctx, String view, Map<String, Object> model) {
        ctx.html(render(ctx, view, model, false));
    }

    /** Sends a page holding a state-changing form: it always gets a CSRF token. */
    void sendForm(Context ctx, String view, Map<String, Object> model) {
        ctx.html(render(ctx, view, model, true));
    }

    private String render(Context ctx, String view, Map<String, Object> model, boolean form) {
        Map<String, Object> full = new HashMap<>(model);
        full.put("site", Map.of("name", settings.siteName()));
        full.put("requestPath", ctx.path());
        full.put("section", section(ctx.path()));
        // A view names its canonical path ("canonicalPath"); the layout links the absolute URL.
        if (model.get("canonicalPath") instanceof String canonical) {
            full.put("canonical", baseUrl(ctx) + canonical);
        }
        Optional<Account> account = safeCurrent(ctx);
        account.ifPresent(a -> full.put("user", user(a)));
        boolean hasSession = ctx.req().getSession(false) != null;
        full.put("csrf", form || (account.isPresent() && hasSession) ? Csrf.token(ctx) : "");
        return views.render(view, full);
    }

    /** Error pages are rendered after a failed login too: never fail again while asking who it is. */
    private Optional<Account> safeCurrent(Context ctx) {
        try {
            return access.current(ctx);
        } catch (HttpProblem e) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> user(Account account) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("name", account.name());
        user.put("displayName", account.displayName());
        user.put("role", account.role().id());
        user.put("canEdit", account.role().canEdit());
        return user;
    }

    /** The scheme, host and port the request was sent to, for absolute links (sitemap, canonical). */
    static String baseUrl(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }

    /** The first segment of the request path ("tags" for /tags/x), for highlighting the navigation. */
    private static String section(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        return slash < 0 ? trimmed : trimmed.substring(0, slash);
    }
}
