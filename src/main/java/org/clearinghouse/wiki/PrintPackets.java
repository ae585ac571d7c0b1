package org.clearinghouse.wiki;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearinghouse.page.PageNotFoundException;
import org.clearinghouse.page.PagePath;

/**
 * Builds {@link PrintPacket}s. The pages of the packet for {@code P}:
 *
 * <ol>
 *   <li>the page {@code P} itself, when it exists;
 *   <li>its <em>sub-pages</em>: every page whose name starts with {@code P/} (at any depth), in
 *       the order {@code P} links to them, then the rest by name;
 *   <li>when {@code P} has no sub-pages, the existing pages it links to instead, in the order
 *       the links appear on the page (so a toolkit overview such as
 *       {@code Recruitment-Clearinghouse}, whose parts live elsewhere, prints with its parts).
 * </ol>
 *
 * A folder with no page of its own ({@code Career-Day}) prints its sub-pages. Page templates
 * ({@link PageTemplates#FOLDER}) are never part of another page's packet. At most
 * {@value #MAX_PAGES} pages are printed.
 */
final class PrintPackets {
    static final int MAX_PAGES = 60;
    private static final Pattern WIKI_HREF = Pattern.compile("href=\"/wiki/([^\"#?]+)");

    private final Function<PagePath, PageView> view;

    PrintPackets(Function<PagePath, PageView> view) {
        this.view = view;
    }

    PrintPacket packet(Snapshot snapshot, PagePath path) {
        Optional<PageView> root = snapshot.page(path).map(e -> view.apply(path));
        String prefix = path + "/";
        List<PagePath> children = snapshot.pages().stream().map(PageEntry::path)
                .filter(p -> p.toString().startsWith(prefix))
                .filter(p -> !PageTemplates.isTemplate(p) || PageTemplates.inTemplateFolder(path))
                .toList();
        if (root.isEmpty() && children.isEmpty()) {
            throw new PageNotFoundException("There is no page " + path + " and no page under it to print.");
        }
        Set<PagePath> order = new LinkedHashSet<>();
        List<PagePath> linked = root.map(r -> linksInOrder(r.html().orElse(""))).orElse(List.of());
        if (children.isEmpty()) {
            linked.stream().filter(p -> !p.equals(path) && !PageTemplates.isTemplate(p))
                    .filter(p -> snapshot.page(p).isPresent()).forEach(order::add);
        } else {
            linked.stream().filter(children::contains).forEach(order::add);
            order.addAll(children);
        }
        List<PageView> pages = new ArrayList<>();
        root.ifPresent(pages::add);
        int left = 0;
        for (PagePath p : order) {
            if (pages.size() >= MAX_PAGES) {
                left++;
            } else {
                pages.add(view.apply(p));
            }
        }
        String title = root.map(PageView::title).orElseGet(path::displayName);
        return new PrintPacket(path, title, pages, left);
    }

    /**
     * The wiki pages a rendered page links to, in the order the links appear. Reads the
     * sanitized HTML of the renderer, whose page links are always {@code href="/wiki/NAME"}.
     */
    static List<PagePath> linksInOrder(String html) {
        Set<PagePath> links = new LinkedHashSet<>();
        Matcher m = WIKI_HREF.matcher(html);
        while (m.find()) {
            String raw = m.group(1).replace("&amp;", "&");
            String name = raw;
            if (raw.indexOf('%') >= 0) {
                try {
                    name = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    continue;
                }
            }
            PagePath.tryOf(name).ifPresent(links::add);
        }
        return List.copyOf(links);
    }
}
