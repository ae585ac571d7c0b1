package org.clearinghouse.wiki;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.clearinghouse.page.Revision;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.render.PageContent;
import org.clearinghouse.search.RevisionIndex;
import org.clearinghouse.search.SearchIndex;
import org.clearinghouse.store.ContentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the wiki derives from its repository and keeps beside it: the search index, the revision
 * index and the saved head snapshot, all under one folder (none for a wiki opened without it).
 * Brings them to the head at start, in the order that spares work, and after every change; an
 * index that fails stays at its old commit and catches up later, so the wiki still serves.
 * Called under the wiki's refresh lock (or before the wiki is shared).
 */
final class DerivedIndexes {
    private static final Logger LOG = LoggerFactory.getLogger(DerivedIndexes.class);

    private final SnapshotBuilder builder;
    private final Optional<SearchIndexer> search;
    private final Optional<RevisionIndexer> revisions;
    private final SavedSnapshot saved;
    private final List<DerivedIndex> all = new ArrayList<>();

    DerivedIndexes(Optional<Path> folder, ContentStore store, MarkdownRenderer renderer, SnapshotBuilder builder) {
        this.builder = builder;
        this.search = folder.map(dir -> new SearchIndexer(SearchIndex.open(dir.resolve("pages")), store, renderer));
        this.revisions = folder.map(dir -> new RevisionIndexer(
                RevisionIndex.open(dir.resolve("revisions")), store, renderer));
        this.saved = new SavedSnapshot(folder.map(dir -> dir.resolve("snapshot.bin")), store, builder);
        search.ifPresent(all::add);
        revisions.ifPresent(all::add);
    }

    Optional<SearchIndex> searchIndex() {
        return search.map(SearchIndexer::index);
    }

    Optional<RevisionIndex> revisionIndex() {
        return revisions.map(RevisionIndexer::index);
    }

    /**
     * The head snapshot at start, with every index brought up to {@code head}. The revision index
     * goes first: it knows every page's last change, which spares the snapshot a walk of the whole
     * history when it has to be built. Then the saved snapshot is read, or, on a first start, each
     * page is parsed once for both the snapshot and the search index. {@code read} hears of the
     * snapshot as soon as it is read, before the indexes catch up with it.
     */
    Snapshot start(String head, Consumer<Snapshot> read) {
        revisions.ifPresent(r -> catchUp(r, head));
        long started = System.nanoTime();
        Map<String, PageContent> parsed = Map.of();
        Snapshot snapshot;
        Optional<Snapshot> kept = saved.load(head);
        if (kept.isPresent()) {
            snapshot = kept.get();
        } else if (search.map(SearchIndexer::needsRebuild).orElse(false)) {
            SnapshotBuilder.WithContent built = builder.buildWithContent(head, lastChanges(head));
            snapshot = built.snapshot();
            parsed = built.contents();
        } else {
            snapshot = builder.build(head, lastChanges(head));
        }
        LOG.info("Read {} pages at {} in {} ms", snapshot.pages().size(), head.substring(0, 7),
                (System.nanoTime() - started) / 1_000_000);
        read.accept(snapshot);
        catchUp(snapshot, parsed);
        saved.save(snapshot);
        return snapshot;
    }

    /**
     * Brings every index up to {@code snapshot}; {@code parsed} holds pages the snapshot already
     * parsed (by blob id), which the search index takes instead of parsing them again.
     */
    void catchUp(Snapshot snapshot, Map<String, PageContent> parsed) {
        for (DerivedIndex index : all) {
            try {
                index.catchUp(snapshot, parsed);
            } catch (RuntimeException e) {
                // The index stays at its old commit and catches up on the next refresh.
                LOG.error("The {} index could not catch up with {}", index.name(), snapshot.commitId(), e);
            }
        }
    }

    /**
     * Rebuilds the chosen indexes from Git, reporting progress per index, and answers the head
     * snapshot. The revision index goes first, so the snapshot takes each page's last change from
     * it. A search rebuild reads the snapshot afresh too (a derived file as well: e.g. after an
     * upgrade that reads outlines differently), parsing each page once for both.
     */
    Snapshot rebuild(Snapshot current, Set<Rebuild> chosen, BiConsumer<String, Integer> progress) {
        if (chosen.contains(Rebuild.HISTORY)) {
            revisions.ifPresent(r -> r.rebuild(current, done -> progress.accept(r.name(), done)));
        }
        if (!chosen.contains(Rebuild.SEARCH)) {
            return current;
        }
        String head = current.commitId();
        SnapshotBuilder.WithContent fresh = search.isPresent()
                ? builder.buildWithContent(head, lastChanges(head))
                : new SnapshotBuilder.WithContent(builder.build(head, lastChanges(head)), Map.of());
        search.ifPresent(s -> s.rebuild(fresh.snapshot(), done -> progress.accept(s.name(), done),
                fresh.contents()));
        saved.forget();
        saved.save(fresh.snapshot());
        return fresh.snapshot();
    }

    private void catchUp(RevisionIndexer index, String head) {
        try {
            index.catchUpTo(head);
        } catch (RuntimeException e) {
            LOG.error("The {} index could not catch up with {}", index.name(), head, e);
        }
    }

    private Map<String, Revision> lastChanges(String head) {
        try {
            return revisions.map(r -> r.lastChangesAt(head)).orElse(Map.of());
        } catch (RuntimeException e) {
            LOG.warn("Could not read the last changes from the revision index; walking the history", e);
            return Map.of();
        }
    }

    /** Closes the indexes and saves {@code snapshot} for the next start. */
    void close(Snapshot snapshot) {
        for (DerivedIndex index : all) {
            try {
                index.close();
            } catch (RuntimeException e) {
                LOG.error("Could not close the {} index", index.name(), e);
            }
        }
        saved.save(snapshot);
    }
}
