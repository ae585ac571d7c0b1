package org.clearinghouse.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearinghouse.page.PageNotFoundException;
import org.clearinghouse.wiki.SyncStatus;
import org.clearinghouse.wiki.Wiki;

/**
 * For admins of a wiki shared through a central repository: {@code /sync} shows how the last sync
 * went and any conflicts (both texts are kept), {@code POST /api/v1/sync} syncs now.
 */
final class SyncRoutes {
    private final Wiki wiki;
    private final Pages pages;
    private final AccessControl access;

    SyncRoutes(Wiki wiki, Pages pages, AccessControl access) {
        this.wiki = wiki;
        this.pages = pages;
        this.access = access;
    }

    void register(RoutesConfig routes) {
        routes.get("/sync", this::page);
        routes.post(ApiRoutes.PREFIX + "/sync", this::syncNow);
    }

    private void page(Context ctx) {
        access.requireAdmin(ctx);
        SyncStatus status = wiki.syncStatus().orElseThrow(SyncRoutes::notShared);
        pages.send(ctx, "sync", Map.of("sync", model(status)));
    }

    private void syncNow(Context ctx) {
        access.requireAdmin(ctx);
        if (!Authenticator.usesBasic(ctx)) {
            Csrf.verify(ctx);
        }
        ctx.json(model(wiki.syncNow().orElseThrow(SyncRoutes::notShared)));
    }

    private static PageNotFoundException notShared() {
        return new PageNotFoundException("This wiki does not share a central repository (serve --remote).");
    }

    private static Map<String, Object> model(SyncStatus status) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("central", status.central());
        model.put("status", status.lastError().isPresent() ? "error" : "ok");
        model.put("lastAttempt", status.lastAttempt().map(Object::toString).orElse(null));
        model.put("error", status.lastError().orElse(null));
        model.put("local", status.localHead());
        model.put("remote", status.centralHead().orElse(null));
        List<Map<String, Object>> conflicts = status.conflicts().stream().map(c -> Map.<String, Object>of(
                "path", c.path(), "revision", c.mergeCommit(), "time", c.when().toString())).toList();
        model.put("conflicts", conflicts);
        return model;
    }
}
