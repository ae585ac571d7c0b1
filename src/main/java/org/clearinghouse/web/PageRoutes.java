package org.clearinghouse.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.clearinghouse.page.PageNotFoundException;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.wiki.PageView;
import org.clearinghouse.wiki.Snapshot;
import org.clearinghouse.wiki.Wiki;

/**
 * The HTML pages for readers: the home page, a page (now or at a revision), the list of pages,
 * and tags. Attachments stored beside the pages are served from the same {@code /wiki/} paths.
 */
final class PageRoutes {
    static final String HOME = "Home";

    private final Wiki wiki;
    private final Pages pages;
    private final AttachmentResponder attachments;
    private final PageCache cache;

    PageRoutes(Wiki wiki, Pages pages, PageCache cache) {
        this.wiki = wiki;
        this.pages = pages;
        this.cache = cache;
        this.attachments = new AttachmentResponder(wiki);
    }

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> showPage(ctx, HOME));
        routes.get("/wiki", ctx -> ctx.redirect("/"));
        routes.get("/wiki/<path>", ctx -> showPage(ctx, ctx.pathParam("path")));
        routes.get("/files/<path>", this::showFile);
        routes.get("/pages", this::listPages);
        routes.get("/tags", this::listTags);
        routes.get("/tags/{tag}", this::listTagged);
    }

    private void showPage(Context ctx, String rawPath) {
        Optional<String> revision = Optional.ofNullable(ctx.queryParam("revision")).filter(r -> !r.isBlank());
        if (attachments.serves(rawPath, revision)) {
            attachments.respond(ctx, rawPath, revision);
            return;
        }
        PagePath path = PagePath.tryOf(rawPath).orElseThrow(() ->
                new PageNotFoundException("There is no page with that name: page names use letters, digits, "
                        + "'-', '_' and '.', with '/' between parts."));
        boolean merged = ctx.queryParam("merged") != null;
        String viewer = pages.viewer(ctx);
        // Readers who are not logged in get the page's finished bytes while the head stays put.
        String cacheKey = revision.isEmpty() && !merged && viewer.equals("-") ? PageCache.key(ctx) : null;
        String head = wiki.snapshot().commitId();
        if (cacheKey != null) {
            PageCache.Entry cached = cache.fresh(cacheKey, head);
            if (cached != null) {
                cache.send(ctx, cached);
                return;
            }
        }
        PageView view = revision.isPresent() ? wiki.viewAt(path, revision.get()) : wiki.view(path);
        List<String> files = view.isCurrent() ? wiki.attachmentsOf(path) : List.of();
        String etag = ETags.of(pages.nonce(), viewer, view.blobId(), view.lastChange().id(),
                view.revision().orElse(""), String.valueOf(merged), String.join("|", files),
                Integer.toHexString(view.html().orElse("").hashCode()),
                view.backlinks().stream().map(p -> p.path() + "=" + p.title()).collect(Collectors.joining()));
        if (cacheKey != null) {
            PageCache.Entry still = cache.revalidate(cacheKey, etag, head);
            if (still != null) {
                cache.send(ctx, still);
                return;
            }
        }
        if (ETags.notModified(ctx, etag)) {
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("page", Models.page(view));
        model.put("merged", merged);
        model.put("canonicalPath", path.toString().equals(HOME) ? "/" : "/wiki/" + path);
        model.put("description", view.metadata().summary().orElse(""));
        model.put("attachments", files.stream().map(f -> Map.of("path", f,
                "name", f.substring(f.lastIndexOf('/') + 1))).toList());
        if (cacheKey != null) {
            cache.send(ctx, cache.put(cacheKey, etag, head, pages.html(ctx, "page", model),
                    Models.relativeStableFor(view.lastChange().time()).toMillis()));
            return;
        }
        pages.send(ctx, "page", model);
    }

    private void showFile(Context ctx) {
        String path = ctx.pathParam("path");
        Optional<String> revision = Optional.ofNullable(ctx.queryParam("revision")).filter(r -> !r.isBlank());
        if (PagePath.tryOf(path).isEmpty()) {
            throw new PageNotFoundException("There is no file with that name.");
        }
        attachments.respond(ctx, path, revision);
    }

    private void listPages(Context ctx) {
        Snapshot snapshot = wiki.snapshot();
        if (ETags.notModified(ctx, ETags.of(pages.nonce(), pages.viewer(ctx), snapshot.commitId(), "pages"))) {
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("pages", snapshot.pages().stream().map(Models::summary).toList());
        model.put("canonicalPath", "/pages");
        pages.send(ctx, "pages", model);
    }

    private void listTags(Context ctx) {
        Snapshot snapshot = wiki.snapshot();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("tags", snapshot.tagCounts().entrySet().stream()
                .map(e -> Map.<String, Object>of("name", e.getKey(), "count", e.getValue())).toList());
        model.put("canonicalPath", "/tags");
        pages.send(ctx, "tags", model);
    }

    private void listTagged(Context ctx) {
        String tag = ctx.pathParam("tag");
        Snapshot snapshot = wiki.snapshot();
        var tagged = snapshot.tagged(tag);
        if (tagged.isEmpty()) {
            throw new PageNotFoundException("No page is tagged \u201c" + tag + "\u201d.");
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("tag", tag);
        model.put("pages", tagged.stream().map(Models::summary).toList());
        model.put("canonicalPath", "/tags/" + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"));
        pages.send(ctx, "tag", model);
    }
}
