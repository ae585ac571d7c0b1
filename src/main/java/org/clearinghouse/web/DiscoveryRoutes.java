package org.clearinghouse.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.wiki.PageEntry;
import org.clearinghouse.wiki.Snapshot;
import org.clearinghouse.wiki.Wiki;

/**
 * What search engines read: {@code /sitemap.xml} (every page but the page templates, with the
 * time it last changed) and {@code /robots.txt} (keeps crawlers off forms, old revisions, diffs
 * and other endless or duplicate addresses; a private wiki asks them to stay away entirely).
 * The OpenSearch description lives with the search routes.
 */
final class DiscoveryRoutes {
    /** Addresses that are forms, per-revision views or copies of pages: not for crawlers. */
    static final List<String> DISALLOWED = List.of("/edit/", "/rename/", "/delete/", "/upload/", "/preview",
            "/login", "/logout", "/api/", "/search", "/history/", "/diff/", "/blame/", "/print/",
            "/wiki/_templates/", "/*?revision=");

    private final Wiki wiki;
    private final boolean privateWiki;

    DiscoveryRoutes(Wiki wiki, boolean privateWiki) {
        this.wiki = wiki;
        this.privateWiki = privateWiki;
    }

    void register(RoutesConfig routes) {
        routes.get("/sitemap.xml", this::sitemap);
        routes.get("/robots.txt", this::robots);
    }

    private void sitemap(Context ctx) {
        Snapshot snapshot = wiki.snapshot();
        String etag = ETags.of(snapshot.commitId(), Pages.baseUrl(ctx), "sitemap");
        if (ETags.notModified(ctx, etag)) {
            return;
        }
        String base = Pages.baseUrl(ctx);
        StringBuilder xml = new StringBuilder(4096)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (PageEntry page : snapshot.pages()) {
            if (Wiki.isTemplate(page.path())) {
                continue;
            }
            xml.append("  <url><loc>").append(Xml.escape(base + href(page.path()))).append("</loc><lastmod>")
                    .append(page.lastChange().time().truncatedTo(ChronoUnit.SECONDS)
                            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                    .append("</lastmod></url>\n");
        }
        xml.append("</urlset>\n");
        ctx.contentType("application/xml; charset=utf-8").result(xml.toString());
    }

    private void robots(Context ctx) {
        StringBuilder text = new StringBuilder("User-agent: *\n");
        if (privateWiki) {
            text.append("Disallow: /\n");
        } else {
            DISALLOWED.forEach(path -> text.append("Disallow: ").append(path).append('\n'));
            text.append("\nSitemap: ").append(Pages.baseUrl(ctx)).append("/sitemap.xml\n");
        }
        ctx.contentType("text/plain; charset=utf-8").result(text.toString());
    }

    /** The address of a page, with each segment percent-encoded as a sitemap requires. */
    static String href(PagePath path) {
        if (path.toString().equals(PageRoutes.HOME)) {
            return "/";
        }
        StringBuilder out = new StringBuilder("/wiki");
        for (String segment : path.toString().split("/")) {
            out.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }
}
