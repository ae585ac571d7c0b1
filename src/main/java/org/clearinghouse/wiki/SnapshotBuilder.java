package org.clearinghouse.wiki;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.Revision;
import org.clearinghouse.render.MarkdownRenderer;
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
        pageBlobs.entrySet().parallelStream().forEach(e -> pages.put(e.getKey(),
                entry(e.getKey(), e.getValue(), lastChanges.get(e.getKey().fileName()), commitId)));
        return new Snapshot(commitId, pages, attachments);
    }

    /** The snapshot of {@code commitId}, re-reading only what changed since {@code previous}. */
    Snapshot advance(Snapshot previous, String commitId) {
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
        for (FileChange change : changes) {
            Optional<PagePath> page = PagePath.fromFileName(change.path()).filter(p -> !change.isDelete());
            // Read per path, not per blob: links in the outline resolve against the page's folder.
            page.ifPresent(p -> pageChanges.put(p, Optional.of(
                    entry(p, change.newBlobId().orElseThrow(), lastChanges.get(change.path()), commitId))));
        }
        return previous.advanced(commitId, pageChanges, attachmentChanges);
    }

    private PageEntry entry(PagePath page, String blobId, Revision lastChange, String commitId) {
        PageOutline outline = renderer.outline(PageText.decode(store.blob(blobId)), page);
        return new PageEntry(page, blobId, outline, lastChange(lastChange, commitId));
    }

    private Revision lastChange(Revision found, String commitId) {
        return found != null ? found : store.revision(commitId);
    }
}
