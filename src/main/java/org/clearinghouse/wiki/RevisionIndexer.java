package org.clearinghouse.wiki;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;
import org.clearinghouse.page.ChangeKind;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.Revision;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.search.IndexedCommit;
import org.clearinghouse.search.RevisionIndex;
import org.clearinghouse.store.BlobReader;
import org.clearinghouse.store.CommitChanges;
import org.clearinghouse.store.ContentStore;
import org.clearinghouse.store.PathChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the revision index in step with the branch: after each head move it walks only the
 * commits new since the commit the index is stamped with, and turns each commit's file changes
 * into page changes (a rename of a page becomes rename-from and rename-to). It rebuilds from the
 * whole history when the index is new, damaged, or stamped with a commit that is no longer in the
 * branch's history (the branch was rewritten).
 */
final class RevisionIndexer implements DerivedIndex {
    private static final Logger LOG = LoggerFactory.getLogger(RevisionIndexer.class);

    private final RevisionIndex index;
    private final ContentStore store;
    private final MarkdownRenderer renderer;

    RevisionIndexer(RevisionIndex index, ContentStore store, MarkdownRenderer renderer) {
        this.index = index;
        this.store = store;
        this.renderer = renderer;
    }

    RevisionIndex index() {
        return index;
    }

    @Override
    public String name() {
        return "revisions";
    }

    @Override
    public void catchUp(Snapshot snapshot) {
        catchUpTo(snapshot.commitId());
    }

    /**
     * Brings the index up to {@code head}. Needs no snapshot, so at start it runs first and the
     * snapshot can take every page's last change from it ({@link #lastChangesAt}).
     */
    void catchUpTo(String head) {
        Optional<String> at = index.appliedCommit().or(index::indexedCommit);
        if (at.isPresent() && at.get().equals(head)) {
            return;
        }
        if (at.isEmpty() || !store.hasCommit(at.get()) || !store.isAncestor(at.get(), head)) {
            LOG.info("The revision index {}; rebuilding it from Git", at.isEmpty() ? "is empty or new"
                    : "reflects a commit that is no longer in the branch's history");
            rebuildTo(head, done -> { });
            return;
        }
        index.append(head, sink -> store.walkChanges(at, head, indexedOnePass(), sink));
    }

    /** Rebuilds from scratch at {@code head}, reporting progress in commits done; needs no snapshot. */
    void rebuildTo(String head, IntConsumer progress) {
        long started = System.nanoTime();
        int[] commits = {0};
        // The changed pages' tags are read on the threads that diff: most of a rebuild is reading Git.
        index.replaceAll(head, sink -> store.walkChanges(Optional.empty(), head, indexedOnePass(), commit -> {
            sink.accept(commit);
            commits[0]++;
        }), progress);
        LOG.info("Indexed the history of {} commits in {} ms", commits[0], (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Every page file's last change, by file name, when the index reflects {@code head}; empty
     * otherwise (the caller then walks the history itself).
     */
    Map<String, Revision> lastChangesAt(String head) {
        if (!index.appliedCommit().or(index::indexedCommit).equals(Optional.of(head))) {
            return Map.of();
        }
        Map<String, Revision> changes = new HashMap<>();
        index.latestChanges().forEach((path, entry) -> PagePath.tryOf(path)
                .ifPresent(page -> changes.put(page.fileName(), entry.revision())));
        return changes;
    }

    /** {@link #indexed} for one walk, whose threads share one reader of front matter. */
    private BiFunction<CommitChanges, BlobReader, IndexedCommit> indexedOnePass() {
        FrontMatterTags tags = new FrontMatterTags(renderer);
        return (commit, blobs) -> indexed(commit, blobs, tags);
    }

    /**
     * The page changes of one commit; changes to attachments are left out. The changed pages'
     * tags are read through {@code blobs}, the walking thread's reader, and {@code frontMatter},
     * shared by the walk's threads.
     */
    IndexedCommit indexed(CommitChanges commit, BlobReader blobs, FrontMatterTags frontMatter) {
        List<IndexedCommit.Change> changes = new ArrayList<>();
        for (PathChange change : commit.changes()) {
            Optional<PagePath> before = change.oldPath().flatMap(PagePath::fromFileName);
            Optional<PagePath> after = change.newPath().flatMap(PagePath::fromFileName);
            long delta = change.sizeDelta();
            if (before.isPresent() && after.isPresent() && change.type() == PathChange.Type.RENAME) {
                List<String> tags = tags(blobs, frontMatter, change.newBlobId());
                changes.add(change(before.get(), ChangeKind.RENAME_FROM, after, delta, tags));
                changes.add(change(after.get(), ChangeKind.RENAME_TO, before, delta, tags));
            } else if (change.type() == PathChange.Type.MODIFY && after.isPresent()) {
                changes.add(change(after.get(), ChangeKind.MODIFY, Optional.empty(), delta,
                        tags(blobs, frontMatter, change.newBlobId())));
            } else {
                // An add, a delete, or a rename between a page and a file that is not one.
                before.ifPresent(page -> changes.add(change(page, ChangeKind.DELETE, Optional.empty(),
                        -change.oldSize(), tags(blobs, frontMatter, change.oldBlobId()))));
                after.ifPresent(page -> changes.add(change(page, ChangeKind.ADD, Optional.empty(),
                        change.newSize(), tags(blobs, frontMatter, change.newBlobId()))));
            }
        }
        return new IndexedCommit(commit.revision(), commit.parent(), changes);
    }

    private static IndexedCommit.Change change(PagePath path, ChangeKind kind, Optional<PagePath> other, long delta,
            List<String> tags) {
        return new IndexedCommit.Change(path.toString(), kind, other.map(PagePath::toString), delta, tags);
    }

    /** The tags in a page version's front matter; none for no version. */
    private static List<String> tags(BlobReader blobs, FrontMatterTags frontMatter, Optional<String> blobId) {
        return blobId.map(id -> frontMatter.of(blobs.blob(id))).orElse(List.of());
    }

    @Override
    public void close() {
        index.close();
    }
}
