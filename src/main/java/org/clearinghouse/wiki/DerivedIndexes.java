package org.clearinghouse.wiki;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.clearinghouse.page.Revision;
import org.clearinghouse.render.MarkdownRenderer;
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
     * history when it has to be built. Then the saved snapshot is read, or every page's outline
     * on a first start. {@code read} hears of the snapshot as soon as it is read, before the
     * indexes catch up with it.
     */
    Snapshot start(String head, Consumer<Snapshot> read) {
        return bringUp(head, read, EnumSet.noneOf(Rebuild.class), (index, done) -> { });
    }

    /**
     * For the {@code reindex} command, which closes the wiki right after: like
     * {@link #start(String, Consumer)}, rebuilding the {@code chosen} data from scratch instead of
     * bringing it up to date (what is rebuilt is not caught up first), reporting progress per
     * index. The rebuilt search index is left in its segments for the server to merge when it
     * opens it, rather than the command waiting seconds for that merge.
     */
    Snapshot startRebuilding(String head, Set<Rebuild> chosen, BiConsumer<String, Integer> progress) {
        return bringUp(head, snapshot -> { }, chosen, progress);
    }

    /**
     * The one way up to {@code head} for the two above: in the order that spares work, the
     * revision index (which knows each page's last change), the snapshot (saved, or read afresh
     * from every page: a derived file too, e.g. after an upgrade that reads outlines differently),
     * then the search index from that snapshot. Only the reindex command chooses what to rebuild,
     * so a search index rebuilt here is left for its next opening to merge.
     */
    private Snapshot bringUp(String head, Consumer<Snapshot> read, Set<Rebuild> chosen,
            BiConsumer<String, Integer> progress) {
        revisions.ifPresent(r -> {
            if (chosen.contains(Rebuild.HISTORY)) {
                r.rebuildTo(head, done -> progress.accept(r.name(), done));
            } else {
                catchUp(r, head);
            }
        });
        long started = System.nanoTime();
        Optional<Snapshot> kept = Optional.empty();
        if (chosen.contains(Rebuild.PAGES)) {
            saved.forget();
        } else {
            kept = saved.load(head);
        }
        Snapshot snapshot = kept.orElseGet(() -> builder.build(head, lastChanges(head)));
        LOG.info("Read {} pages at {} in {} ms", snapshot.pages().size(), head.substring(0, 7),
                (System.nanoTime() - started) / 1_000_000);
        read.accept(snapshot);
        if (chosen.contains(Rebuild.SEARCH)) {
            search.ifPresent(s -> s.rebuild(snapshot, done -> progress.accept(s.name(), done), false));
        }
        catchUp(snapshot);
        saved.save(snapshot);
        return snapshot;
    }

    /** Brings every index up to {@code snapshot}. */
    void catchUp(Snapshot snapshot) {
        for (DerivedIndex index : all) {
            try {
                index.catchUp(snapshot);
            } catch (RuntimeException e) {
                // The index stays at its old commit and catches up on the next refresh.
                LOG.error("The {} index could not catch up with {}", index.name(), snapshot.commitId(), e);
            }
        }
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
