package org.clearinghouse.wiki;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
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
import org.pcollections.TreePMap;

/**
 * An immutable picture of the wiki at one commit: every page with its metadata, every attachment,
 * and the link graph (who links to whom) derived from them. Built once per head commit and
 * swapped atomically, so readers never lock and never see half an update. Thread-safe.
 */
public final class Snapshot implements LinkResolver {
    private final String commitId;
    /** Persistent: the snapshot after a save shares all but the changed entries with this one. */
    private final TreePMap<PagePath, PageEntry> pages;
    private final Map<String, String> attachments;
    /**
     * Built on first use: at a warm start they were a third of reading the saved snapshot (every
     * link of 20,000 pages grouped by target), and nothing waits for them until a page view
     * lists its backlinks or tags. {@link #prepare} builds them ahead of that.
     */
    private final Lazy<PagesByKey<PagePath>> backlinks;
    private final Lazy<PagesByKey<String>> tags;

    /**
     * Built from every page at start: one pass over the pages; see {@link PagesByKey#of} for the
     * link graph and the tags.
     */
    Snapshot(String commitId, Map<PagePath, PageEntry> pages, Map<String, String> attachments) {
        this.commitId = commitId;
        this.pages = pages instanceof SortedMap<PagePath, PageEntry> sorted && sorted.comparator() == null
                ? TreePMap.fromSortedMap(sorted) : TreePMap.from(pages); // the first is linear
        this.attachments = Map.copyOf(attachments);
        TreePMap<PagePath, PageEntry> all = this.pages;
        this.backlinks = Lazy.of(() -> PagesByKey.of(all.values(), Comparator.naturalOrder(), Snapshot::linksOut));
        this.tags = Lazy.of(() -> PagesByKey.of(all.values(), String.CASE_INSENSITIVE_ORDER,
                page -> page.metadata().tags()));
    }

    private Snapshot(String commitId, TreePMap<PagePath, PageEntry> pages, Map<String, String> attachments,
            Lazy<PagesByKey<PagePath>> backlinks, Lazy<PagesByKey<String>> tags) {
        this.commitId = commitId;
        this.pages = pages;
        this.attachments = attachments;
        this.backlinks = backlinks;
        this.tags = tags;
    }

    /**
     * The snapshot after a commit that changed a few files: {@code pageChanges} maps each changed
     * page to its new entry (empty when deleted), {@code attachmentChanges} each changed attachment
     * to its new blob id. Built after every save, so it re-derives only what the changed pages
     * touch: the persistent maps share every unchanged entry (copying a map of 20,000 pages took
     * milliseconds of every save) and only the backlinks and tags those pages carry are rebuilt.
     */
    Snapshot advanced(String nextCommitId, Map<PagePath, Optional<PageEntry>> pageChanges,
            Map<String, Optional<String>> attachmentChanges) {
        TreePMap<PagePath, PageEntry> nextPages = pages;
        List<PageEntry> before = new ArrayList<>();
        List<PageEntry> after = new ArrayList<>();
        for (Map.Entry<PagePath, Optional<PageEntry>> change : pageChanges.entrySet()) {
            PageEntry old = nextPages.get(change.getKey());
            if (old != null) {
                before.add(old);
            }
            Optional<PageEntry> entry = change.getValue();
            nextPages = entry.isPresent() ? nextPages.plus(change.getKey(), entry.get()) : nextPages.minus(change.getKey());
            entry.ifPresent(after::add);
        }
        Map<String, String> nextAttachments = attachments;
        if (!attachmentChanges.isEmpty()) {
            Map<String, String> changed = new HashMap<>(attachments);
            attachmentChanges.forEach((path, blob) -> {
                if (blob.isPresent()) {
                    changed.put(path, blob.get());
                } else {
                    changed.remove(path);
                }
            });
            nextAttachments = Collections.unmodifiableMap(changed);
        }
        TreePMap<PagePath, PageEntry> next = nextPages;
        return new Snapshot(nextCommitId, next, nextAttachments,
                backlinks.then(links -> links.updated(before, after, next)),
                tags.then(tagged -> tagged.updated(before, after, next)));
    }

    /** The pages a page links to, apart from itself. */
    private static List<PagePath> linksOut(PageEntry page) {
        List<PagePath> targets = new ArrayList<>();
        for (PagePath target : page.outline().links()) {
            if (!target.equals(page.path())) {
                targets.add(target);
            }
        }
        return targets;
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

    /** Every attachment's path and blob id (for saving the snapshot). */
    Map<String, String> attachmentMap() {
        return attachments;
    }

    /** Attachment paths starting with {@code prefix}, sorted. */
    public List<String> attachmentsUnder(String prefix) {
        return attachments.keySet().stream().filter(p -> p.startsWith(prefix)).sorted().toList();
    }

    /** Builds the backlinks and tags now, so that no request waits for them. */
    void prepare() {
        backlinks.get();
        tags.get();
    }

    /** The pages that link to {@code path}, sorted by name. */
    public List<PageEntry> backlinks(PagePath path) {
        return backlinks.get().get(path).stream()
                .map(pages::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Every tag in use, with how many pages carry it, sorted case-insensitively. */
    public SortedMap<String, Integer> tagCounts() {
        SortedMap<String, Integer> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        tags.get().asMap().forEach((tag, paths) -> counts.put(tag, paths.size()));
        return counts;
    }

    /** The pages carrying {@code tag} (compared case-insensitively), sorted by name. */
    public List<PageEntry> tagged(String tag) {
        return tags.get().get(tag).stream()
                .map(pages::get).toList();
    }

    /** The files of this snapshot that are pages, as repository paths. */
    Set<String> pageFiles() {
        Set<String> files = new TreeSet<>();
        pages.keySet().forEach(p -> files.add(p.fileName()));
        return files;
    }

    /** A link target exists when it is a page or an attachment. */
    @Override
    public boolean exists(PagePath target) {
        return pages.containsKey(target) || attachments.containsKey(target.toString());
    }
}
