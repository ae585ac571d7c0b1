package org.clearinghouse.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearinghouse.page.PageNotFoundException;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.wiki.PageView;
import org.clearinghouse.wiki.PrintPacket;
import org.clearinghouse.wiki.Wiki;

/**
 * Toolkit packets: {@code /print/{path}} shows a page and its sub-pages (which ones:
 * {@link Wiki#packet}) as one document with a table of contents, for printing and handing out.
 * Links between pages of the packet become links within the document, and each page's own
 * anchors (headings, footnotes) are prefixed so they stay unique.
 */
final class PrintRoutes {
    private final Wiki wiki;
    private final Pages pages;

    PrintRoutes(Wiki wiki, Pages pages) {
        this.wiki = wiki;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/print/<path>", this::print);
    }

    private void print(Context ctx) {
        PagePath path = PagePath.tryOf(ctx.pathParam("path")).orElseThrow(() ->
                new PageNotFoundException("There is no page with that name to print."));
        PrintPacket packet = wiki.packet(path);
        Map<PagePath, String> anchors = new LinkedHashMap<>();
        for (int i = 0; i < packet.pages().size(); i++) {
            anchors.put(packet.pages().get(i).path(), "packet-" + (i + 1));
        }
        List<Map<String, Object>> sections = new ArrayList<>();
        for (PageView view : packet.pages()) {
            String anchor = anchors.get(view.path());
            Map<String, Object> section = Models.page(view);
            section.put("anchor", anchor);
            section.put("html", PacketHtml.rewrite(view.html().orElse(""), anchor + "-", anchors));
            sections.add(section);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("packet", Map.of("path", path.toString(), "title", packet.title(), "pages", sections,
                "left", packet.left(), "hasRoot", packet.root().isPresent()));
        model.put("canonicalPath", "/print/" + path);
        model.put("description", packet.root().flatMap(r -> r.metadata().summary()).orElse(""));
        pages.send(ctx, "print", model);
    }
}
