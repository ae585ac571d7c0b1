package org.clearinghouse.wiki;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.render.LinkResolver;

/**
 * An immutable picture of the wiki at one commit: every page with its metadata, every attachment,
 * and the link graph (who links to whom) derived from them. Built once per head commit and
 * swapped atomically, so readers never lock and never see half an update. Thread-safe.
 */
public final class Snapshot implements LinkResolver {
    private final String commitId;
    private final SortedMap<PagePath, PageEntry> pages;
    private final Map<String, String> attachments;
    private final Map<PagePath, List<PagePath>> backlinks;
    private final SortedMap<String, List<PagePath>> tags;

    /**
     * Built after every commit, so it costs one pass over the pages: given a sorted map (the
     * previous snapshot's pages, updated) the copy takes no comparisons, and the pages are visited
     * in order, so each page's backlinks and each tag's pages come out sorted by appending.
     */
    Snapshot(String commitId, Map<PagePath, PageEntry> pages, Map<String, String> attachments) {
        this.commitId = commitId;
        this.pages = Collections.unmodifiableSortedMap(new TreeMap<>(pages));
        this.attachments = Map.copyOf(attachments);
        Map<PagePath, List<PagePath>> links = new HashMap<>();
        SortedMap<String, List<PagePath>> byTag = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (PageEntry page : this.pages.values()) {
            for (PagePath target : page.outline().links()) {
                if (!target.equals(page.path())) {
                    appendOnce(links.computeIfAbsent(target, t -> new ArrayList<>()), page.path());
                }
            }
            for (String tag : page.metadata().tags()) {
                appendOnce(byTag.computeIfAbsent(tag, t -> new ArrayList<>()), page.path());
            }
        }
        this.backlinks = links;
        this.tags = byTag;
    }

    /** Pages arrive in order, so a page already listed is the last one. */
    private static void appendOnce(List<PagePath> paths, PagePath path) {
        if (paths.isEmpty() || !paths.get(paths.size() - 1).equals(path)) {
            paths.add(path);
        }
    }

    /** The commit this snapshot reflects. */
    public String commitId() {
        return commitId;
    }

    public Optional<PageEntry> page(PagePath path) {
        return Optional.ofNullable(pages.get(path));
    }

    /** Every page, sorted by name. */
    public Collection<PageEntry> pages() {
        return pages.values();
    }

    /** The blob id of an attachment (a file that is not a page), if there is one at this path. */
    public Optional<String> attachment(String path) {
        return Optional.ofNullable(attachments.get(path));
    }

    /** Attachment paths starting with {@code prefix}, sorted. */
    public List<String> attachmentsUnder(String prefix) {
        return attachments.keySet().stream().filter(p -> p.startsWith(prefix)).sorted().toList();
    }

    /** The pages that link to {@code path}, sorted by name. */
    public List<PageEntry> backlinks(PagePath path) {
        return backlinks.getOrDefault(path, List.of()).stream()
                .map(pages::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Every tag in use, with how many pages carry it, sorted case-insensitively. */
    public SortedMap<String, Integer> tagCounts() {
        SortedMap<String, Integer> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        tags.forEach((tag, paths) -> counts.put(tag, paths.size()));
        return counts;
    }

    /** The pages carrying {@code tag} (compared case-insensitively), sorted by name. */
    public List<PageEntry> tagged(String tag) {
        return tags.getOrDefault(tag, List.of()).stream()
                .map(pages::get).toList();
    }

    /** The files of this snapshot that are pages, as repository paths. */
    Set<String> pageFiles() {
        Set<String> files = new TreeSet<>();
        pages.keySet().forEach(p -> files.add(p.fileName()));
        return files;
    }

    Map<PagePath, PageEntry> pageMap() {
        return pages;
    }

    Map<String, String> attachmentMap() {
        return attachments;
    }

    /** A link target exists when it is a page or an attachment. */
    @Override
    public boolean exists(PagePath target) {
        return pages.containsKey(target) || attachments.containsKey(target.toString());
    }
}
