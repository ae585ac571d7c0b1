package org.clearinghouse.wiki;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.render.SearchableText;
import org.clearinghouse.search.IndexedPage;
import org.clearinghouse.search.SearchIndex;
import org.clearinghouse.store.ContentStore;
import org.clearinghouse.store.FileChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Lucene page index in step with the head: re-indexes the pages a commit changed
 * (found by diffing the indexed commit's tree with the head's), or rebuilds everything when the
 * index is new, damaged, or stamped with a commit the repository no longer has.
 */
final class SearchIndexer implements DerivedIndex {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);
    private static final int BATCH = 256;

    private final SearchIndex index;
    private final ContentStore store;
    private final MarkdownRenderer renderer;

    SearchIndexer(SearchIndex index, ContentStore store, MarkdownRenderer renderer) {
        this.index = index;
        this.store = store;
        this.renderer = renderer;
    }

    SearchIndex index() {
        return index;
    }

    @Override
    public String name() {
        return "search";
    }

    /** True when the next catch-up will rebuild everything (the index is new, or out of this history). */
    private boolean needsRebuild() {
        Optional<String> at = index.appliedCommit().or(index::indexedCommit);
        return at.isEmpty() || !store.hasCommit(at.get());
    }

    @Override
    public void catchUp(Snapshot snapshot) {
        Optional<String> at = index.appliedCommit().or(index::indexedCommit);
        if (at.isPresent() && at.get().equals(snapshot.commitId())) {
            return;
        }
        if (needsRebuild()) {
            LOG.info("The search index {}; rebuilding it from Git",
                    at.isEmpty() ? "is empty or new" : "reflects a commit the repository no longer has");
            rebuild(snapshot, done -> { }, true);
            return;
        }
        List<IndexedPage> upserts = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (FileChange change : store.diff(at, snapshot.commitId())) {
            Optional<PagePath> page = PagePath.fromFileName(change.path());
            if (page.isEmpty()) {
                continue;
            }
            Optional<PageEntry> entry = snapshot.page(page.get()).filter(SearchIndexer::searchable);
            if (entry.isPresent()) {
                upserts.add(indexed(entry.get()));
            } else {
                deletes.add(page.get().toString());
            }
        }
        index.apply(snapshot.commitId(), upserts, deletes);
    }

    /**
     * Rebuilds from scratch at {@code snapshot}, reporting progress in pages done; with
     * {@code mergeNow} false the index's segments are left for its next opening to merge (see
     * {@link SearchIndex#replaceAll(String, Iterable, IntConsumer, boolean)}).
     */
    void rebuild(Snapshot snapshot, IntConsumer progress, boolean mergeNow) {
        long started = System.nanoTime();
        List<PageEntry> pages = snapshot.pages().stream().filter(SearchIndexer::searchable).toList();
        index.replaceAll(snapshot.commitId(), () -> new BatchIterator(pages), progress, mergeNow);
        LOG.info("Indexed {} pages for search in {} ms", pages.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Page templates are scaffolding for new pages, not content: they are not searched. */
    static boolean searchable(PageEntry entry) {
        return !PageTemplates.isTemplate(entry.path());
    }

    /**
     * The page as the index takes it: title and facets from the snapshot (read from the front
     * matter already), headings and text read from its Markdown.
     */
    IndexedPage indexed(PageEntry entry) {
        SearchableText content = renderer.searchText(PageText.decode(store.blob(entry.blobId())));
        var metadata = entry.metadata();
        return new IndexedPage(entry.path().toString(), entry.title(), content.headings(), content.text(),
                metadata.summary().orElse(""), metadata.tags(), metadata.audience(), metadata.type(),
                entry.lastChange().time().toInstant());
    }

    @Override
    public void close() {
        index.close();
    }

    /** Reads pages a batch at a time, in parallel, so a rebuild uses every core. */
    private final class BatchIterator implements Iterator<IndexedPage> {
        private final List<PageEntry> pages;
        private int next;
        private Iterator<IndexedPage> batch = Collections.emptyIterator();

        BatchIterator(List<PageEntry> pages) {
            this.pages = pages;
        }

        @Override
        public boolean hasNext() {
            return batch.hasNext() || next < pages.size();
        }

        @Override
        public IndexedPage next() {
            if (!batch.hasNext()) {
                if (next >= pages.size()) {
                    throw new NoSuchElementException();
                }
                List<PageEntry> slice = pages.subList(next, Math.min(pages.size(), next + BATCH));
                next += slice.size();
                batch = slice.parallelStream().map(SearchIndexer.this::indexed).toList().iterator();
            }
            return batch.next();
        }
    }

}
