package org.clearinghouse.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.page.BadRequestException;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.search.ChangeQuery;
import org.clearinghouse.search.RevisionPage;
import org.clearinghouse.wiki.Wiki;

/**
 * The history half of the read API: a page's revisions, the diff of two of them as
 * {@code git diff} prints it, and recent changes. Field names are a public contract. Page-scoped
 * calls are reached through {@link ApiRoutes}' suffix dispatch ({@code …/history},
 * {@code …/diff}), since a page name may itself hold slashes. Revision arguments are commit ids
 * only (4 to 40 hex digits): anything else is 400, an id naming no commit 404.
 */
final class ApiHistory {
    static final String HISTORY = "/history";
    static final String DIFF = "/diff";
    private static final int DEFAULT_LIMIT = 50;

    private final Wiki wiki;

    ApiHistory(Wiki wiki) {
        this.wiki = wiki;
    }

    void register(RoutesConfig routes) {
        routes.get(ApiRoutes.PREFIX + "/changes", this::changes);
    }

    /** {@code GET /api/v1/pages/{path}/history?limit=&before=}. */
    void history(Context ctx, PagePath path) {
        RevisionPage page = wiki.history(path, limit(ctx), HistoryRoutes.param(ctx, "before"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("revisions", page.entries().stream().map(HistoryModels::revisionJson).toList());
        json.put("next", page.next().orElse(null));
        ctx.json(json);
    }

    /** {@code GET /api/v1/pages/{path}/diff?from=&to=}: a unified diff, {@code text/x-diff}. */
    void diff(Context ctx, PagePath path) {
        String diff = wiki.unifiedDiff(path, HistoryRoutes.param(ctx, "from"), HistoryRoutes.param(ctx, "to"));
        ctx.contentType("text/x-diff; charset=utf-8").result(diff);
    }

    /** {@code GET /api/v1/changes?limit=&before=&author=&prefix=&tag=}. */
    private void changes(Context ctx) {
        ChangeQuery query = new ChangeQuery(HistoryRoutes.param(ctx, "author"), HistoryRoutes.param(ctx, "prefix"),
                HistoryRoutes.param(ctx, "tag"), limit(ctx));
        RevisionPage page = wiki.changes(query, HistoryRoutes.param(ctx, "before"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("changes", page.entries().stream().map(HistoryModels::changeJson).toList());
        json.put("next", page.next().orElse(null));
        ctx.json(json);
    }

    /** {@code limit}: 50 when absent; larger values are capped by the wiki; not a positive number is 400. */
    private static int limit(Context ctx) {
        Optional<String> raw = HistoryRoutes.param(ctx, "limit");
        if (raw.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.get());
            if (limit >= 1) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException("The limit must be a whole number of at least 1.");
    }
}
