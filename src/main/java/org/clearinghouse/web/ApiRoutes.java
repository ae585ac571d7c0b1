package org.clearinghouse.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.page.PageNotFoundException;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.wiki.PageEntry;
import org.clearinghouse.wiki.PageView;
import org.clearinghouse.wiki.Wiki;

/**
 * The read-only JSON API under {@code /api/v1}. Field names are a public contract: change them
 * only with a new API version.
 */
final class ApiRoutes {
    static final String PREFIX = "/api/v1";
    private static final String BACKLINKS = "/backlinks";

    private final Wiki wiki;
    private final ApiHistory history;

    ApiRoutes(Wiki wiki) {
        this.wiki = wiki;
        this.history = new ApiHistory(wiki);
    }

    void register(RoutesConfig routes) {
        routes.get(PREFIX + "/pages", this::listPages);
        routes.get(PREFIX + "/pages/<path>", this::pageOrBacklinks);
        history.register(routes);
    }

    private void listPages(Context ctx) {
        List<Map<String, Object>> pages = wiki.snapshot().pages().stream().map(ApiRoutes::listed).toList();
        ctx.json(Map.of("pages", pages));
    }

    /**
     * One route for both, because a page path may itself contain slashes: the suffix
     * {@code /backlinks} selects the backlinks of the page before it; {@code /history} and
     * {@code /diff} its history and a diff ({@link ApiHistory}).
     */
    private void pageOrBacklinks(Context ctx) {
        String raw = ctx.pathParam("path");
        for (String suffix : new String[] {ApiHistory.HISTORY, ApiHistory.DIFF}) {
            if (raw.endsWith(suffix) && raw.length() > suffix.length()) {
                PagePath page = parse(raw.substring(0, raw.length() - suffix.length()));
                if (suffix.equals(ApiHistory.HISTORY)) {
                    history.history(ctx, page);
                } else {
                    history.diff(ctx, page);
                }
                return;
            }
        }
        if (raw.endsWith(BACKLINKS) && raw.length() > BACKLINKS.length()) {
            PagePath path = parse(raw.substring(0, raw.length() - BACKLINKS.length()));
            if (wiki.snapshot().page(path).isEmpty()) {
                throw new PageNotFoundException("There is no page " + path + ".");
            }
            List<Map<String, Object>> pages = wiki.backlinks(path).stream()
                    .map(p -> Map.<String, Object>of("path", p.path().toString(), "title", p.title()))
                    .toList();
            ctx.json(Map.of("pages", pages));
            return;
        }
        PagePath path = parse(raw);
        Optional<String> revision = Optional.ofNullable(ctx.queryParam("revision")).filter(r -> !r.isBlank());
        PageView view = revision.isPresent() ? wiki.viewAt(path, revision.get()) : wiki.view(path);
        ctx.json(page(view));
    }

    private static PagePath parse(String raw) {
        return PagePath.tryOf(raw).orElseThrow(() -> new PageNotFoundException(
                "There is no page with that name: page names use letters, digits, '-', '_' and '.', "
                        + "with '/' between parts."));
    }

    private static Map<String, Object> listed(PageEntry page) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", page.path().toString());
        json.put("title", page.title());
        json.put("tags", page.metadata().tags());
        json.put("updated", page.lastChange().time().toString());
        return json;
    }

    private static Map<String, Object> page(PageView view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", view.path().toString());
        json.put("title", view.title());
        json.put("summary", view.metadata().summary().orElse(null));
        json.put("tags", view.metadata().tags());
        json.put("audience", view.metadata().audience());
        json.put("type", view.metadata().type().orElse(null));
        json.put("revision", view.lastChange().id());
        json.put("markdown", view.markdown());
        json.put("html", view.html().orElse(null));
        view.renderError().ifPresent(error -> json.put("renderError", error));
        return json;
    }
}
