package org.clearinghouse.wiki;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.Revision;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.render.PageContent;
import org.clearinghouse.render.PageOutline;
import org.clearinghouse.store.ContentStore;
import org.clearinghouse.store.FileChange;
import org.clearinghouse.store.TreeListing;

/**
 * Derives a {@link Snapshot} from the repository: from scratch at start, or from the previous
 * snapshot by diffing the two commits' trees, so that a save re-reads only the files it changed.
 * Thread-safe (stateless apart from its collaborators).
 */
final class SnapshotBuilder {
    /** Characters of page text a first start keeps for the search index: an eighth of the heap. */
    private static final long KEPT_TEXT_BUDGET = Runtime.getRuntime().maxMemory() / 8;
    private final ContentStore store;
    private final MarkdownRenderer renderer;

    SnapshotBuilder(ContentStore store, MarkdownRenderer renderer) {
        this.store = store;
        this.renderer = renderer;
    }

    /** Reads every page of {@code commitId} and walks the history once for last changes. */
    Snapshot build(String commitId) {
        return build(commitId, Map.of());
    }

    /**
     * Reads every page of {@code commitId}; each page's last change comes from {@code known}
     * (file name to revision, e.g. from the revision index) and only the pages missing there
     * are looked up by walking the history.
     */
    Snapshot build(String commitId, Map<String, Revision> known) {
        return build(commitId, known, false).snapshot();
    }

    /**
     * A snapshot and each page's parsed content (outline, headings, text) by blob id: for a start
     * that must also rebuild the search index, which then need not parse every page a second time.
     */
    record WithContent(Snapshot snapshot, Map<String, PageContent> contents) {}

    /** Like {@link #build(String, Map)}, keeping every page's content for the search index. */
    WithContent buildWithContent(String commitId, Map<String, Revision> known) {
        return build(commitId, known, true);
    }

    private WithContent build(String commitId, Map<String, Revision> known, boolean keepContent) {
        TreeListing tree = store.tree(commitId);
        Map<String, String> attachments = new HashMap<>();
        Map<PagePath, String> pageBlobs = new HashMap<>();
        tree.files().forEach((file, blob) -> PagePath.fromFileName(file).ifPresentOrElse(
                page -> pageBlobs.put(page, blob), () -> attachments.put(file, blob)));
        Set<String> unknown = new HashSet<>();
        pageBlobs.keySet().forEach(p -> unknown.add(p.fileName()));
        unknown.removeAll(known.keySet());
        Map<String, Revision> lastChanges = new HashMap<>(known);
        if (!unknown.isEmpty()) {
            lastChanges.putAll(store.lastChanges(commitId, unknown));
        }
        Map<PagePath, PageEntry> pages = new ConcurrentHashMap<>();
        Map<String, PageContent> contents = new ConcurrentHashMap<>();
        AtomicLong keptChars = new AtomicLong();
        pageBlobs.entrySet().parallelStream().forEach(e -> {
            PagePath page = e.getKey();
            String blobId = e.getValue();
            Revision changed = lastChange(lastChanges.get(page.fileName()), commitId);
            if (keepContent) {
                PageContent content = renderer.content(PageText.decode(store.blob(blobId)), page);
                // Kept within a share of the heap: past it (a very large wiki), the search index
                // parses the remaining pages again rather than the start running out of memory.
                if (keptChars.addAndGet(content.text().length()) <= KEPT_TEXT_BUDGET) {
                    contents.put(blobId, content);
                }
                pages.put(page, new PageEntry(page, blobId, content.outline(), changed));
            } else {
                pages.put(page, entry(page, blobId, lastChanges.get(page.fileName()), commitId));
            }
        });
        return new WithContent(new Snapshot(commitId, pages, attachments), contents);
    }

    /** The snapshot of {@code commitId}, re-reading only what changed since {@code previous}. */
    Snapshot advance(Snapshot previous, String commitId) {
        return advanceWithContent(previous, commitId).snapshot();
    }

    /**
     * Like {@link #advance}, keeping the changed pages' content (by blob id) for the search index,
     * which then need not parse them a second time.
     */
    WithContent advanceWithContent(Snapshot previous, String commitId) {
        List<FileChange> changes = store.diff(Optional.of(previous.commitId()), commitId);
        Map<PagePath, Optional<PageEntry>> pageChanges = new HashMap<>();
        Map<String, Optional<String>> attachmentChanges = new HashMap<>();
        Set<String> changedPages = new HashSet<>();
        for (FileChange change : changes) {
            Optional<PagePath> page = PagePath.fromFileName(change.path());
            if (page.isEmpty()) {
                attachmentChanges.put(change.path(), change.isDelete() ? Optional.empty() : change.newBlobId());
            } else if (change.isDelete()) {
                pageChanges.put(page.get(), Optional.empty());
            } else {
                changedPages.add(change.path());
            }
        }
        Map<String, Revision> lastChanges = store.lastChanges(commitId, changedPages);
        Map<String, PageContent> contents = new HashMap<>();
        for (FileChange change : changes) {
            Optional<PagePath> page = PagePath.fromFileName(change.path()).filter(p -> !change.isDelete());
            if (page.isPresent()) {
                String blobId = change.newBlobId().orElseThrow();
                // Parsed per path, not per blob: links in the outline resolve against the page's folder.
                PageContent content = renderer.content(PageText.decode(store.blob(blobId)), page.get());
                contents.put(blobId, content);
                pageChanges.put(page.get(), Optional.of(new PageEntry(page.get(), blobId, content.outline(),
                        lastChange(lastChanges.get(change.path()), commitId))));
            }
        }
        return new WithContent(previous.advanced(commitId, pageChanges, attachmentChanges), contents);
    }

    private PageEntry entry(PagePath page, String blobId, Revision lastChange, String commitId) {
        PageOutline outline = renderer.outline(PageText.decode(store.blob(blobId)), page);
        return new PageEntry(page, blobId, outline, lastChange(lastChange, commitId));
    }

    private Revision lastChange(Revision found, String commitId) {
        return found != null ? found : store.revision(commitId);
    }
}
