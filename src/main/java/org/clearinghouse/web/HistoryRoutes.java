package org.clearinghouse.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.account.Account;
import org.clearinghouse.page.BadRequestException;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.search.ChangeQuery;
import org.clearinghouse.search.RevisionPage;
import org.clearinghouse.wiki.PageDiff;
import org.clearinghouse.wiki.SaveResult;
import org.clearinghouse.wiki.Wiki;

/**
 * The pages for reviewers: a page's history (with the compare form and revert buttons), the
 * comparison of two revisions, blame, and the wiki's recent changes. Anyone who may read may
 * see them; reverting needs an editor and a CSRF token. Every list pages with a {@code before}
 * cursor (a commit), so old pages of results stay valid while new changes arrive.
 */
final class HistoryRoutes {
    static final int PAGE_SIZE = 50;

    private final Wiki wiki;
    private final Pages pages;
    private final AccessControl access;

    HistoryRoutes(Wiki wiki, Pages pages, AccessControl access) {
        this.wiki = wiki;
        this.pages = pages;
        this.access = access;
    }

    void register(RoutesConfig routes) {
        routes.get("/history/<path>", this::history);
        routes.get("/diff/<path>", this::diff);
        routes.get("/blame/<path>", this::blame);
        routes.post("/revert/<path>", this::revert);
        routes.get("/changes", this::changes);
    }

    private void history(Context ctx) {
        PagePath path = PagePath.of(ctx.pathParam("path"));
        Optional<String> before = param(ctx, "before");
        RevisionPage history = wiki.history(path, PAGE_SIZE, before);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("path", path.toString());
        model.put("title", wiki.snapshot().page(path).map(p -> p.title()).orElse(path.displayName()));
        model.put("exists", wiki.snapshot().page(path).isPresent());
        model.put("entries", history.entries().stream().map(HistoryModels::entry).toList());
        model.put("newest", before.isEmpty());
        model.put("next", history.next().orElse(""));
        model.put("reverted", param(ctx, "reverted").orElse(""));
        model.put("unchanged", ctx.queryParam("unchanged") != null);
        model.put("feed", "/feed.atom?path=" + path);
        pages.send(ctx, "history", model);
    }

    private void diff(Context ctx) {
        PagePath path = PagePath.of(ctx.pathParam("path"));
        Optional<String> from = param(ctx, "from");
        Optional<String> to = param(ctx, "to");
        PageDiff diff = wiki.diff(path, from, to);
        boolean inline = "inline".equals(ctx.queryParam("view"));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("path", path.toString());
        model.put("from", diff.from().map(Models::revision).orElse(null));
        model.put("to", Models.revision(diff.to()));
        model.put("fromPath", diff.fromPath().map(PagePath::toString).orElse(""));
        model.put("toPath", diff.toPath().map(PagePath::toString).orElse(""));
        model.put("identical", diff.identical());
        model.put("inline", inline);
        model.put("rows", inline ? List.of() : HistoryModels.sideBySide(diff));
        model.put("lines", inline ? HistoryModels.inline(diff) : List.of());
        String range = "from=" + diff.from().map(r -> r.id()).orElse("") + "&to=" + diff.to().id();
        model.put("range", diff.from().isPresent() ? range : "to=" + diff.to().id());
        pages.send(ctx, "diff", model);
    }

    private void blame(Context ctx) {
        PagePath path = PagePath.of(ctx.pathParam("path"));
        Optional<String> revision = param(ctx, "revision");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("path", path.toString());
        model.put("revision", revision.orElse(""));
        model.put("lines", HistoryModels.blame(wiki.blame(path, revision)));
        pages.send(ctx, "blame", model);
    }

    /** The history page's revert button: the page's text at that revision, saved as a new commit. */
    private void revert(Context ctx) {
        PagePath path = PagePath.of(ctx.pathParam("path"));
        Account account = access.requireEditor(ctx);
        Csrf.verify(ctx);
        String revision = present(ctx.formParam("revision")).orElseThrow(() ->
                new BadRequestException("Choose the revision to revert to."));
        SaveResult result = wiki.revert(path, revision, ctx.formParam("message"), AccessControl.author(account));
        ctx.redirect("/history/" + path + (result.changed() ? "?reverted=" + result.revision() : "?unchanged=1"),
                HttpStatus.SEE_OTHER);
    }

    private void changes(Context ctx) {
        ChangeQuery query = new ChangeQuery(param(ctx, "author"), param(ctx, "prefix"), param(ctx, "tag"), PAGE_SIZE);
        Optional<String> before = param(ctx, "before");
        RevisionPage changes = wiki.changes(query, before);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("entries", changes.entries().stream().map(HistoryModels::entry).toList());
        model.put("author", query.author().orElse(""));
        model.put("prefix", query.prefix().orElse(""));
        model.put("tag", query.tag().orElse(""));
        model.put("filtered", query.author().isPresent() || query.prefix().isPresent() || query.tag().isPresent());
        model.put("newest", before.isEmpty());
        model.put("next", changes.next().orElse(""));
        pages.send(ctx, "changes", model);
    }

    /** A query parameter, stripped; empty when absent or blank. */
    static Optional<String> param(Context ctx, String name) {
        return present(ctx.queryParam(name));
    }

    static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
