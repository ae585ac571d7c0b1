package org.clearinghouse.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wiki's page index, in one directory: search, browse and title suggestions over every page,
 * kept up to date by {@link #apply} after each Git commit. A change is searchable as soon as
 * {@code apply} returns (near-real-time readers, reopened by the first search after a write); it
 * becomes durable at the next Lucene commit, made every few seconds, on {@link #commit()} and on {@link #close()}, stamped with the Git
 * commit id it reflects ({@link #indexedCommit()}), so a restart catches up from there.
 *
 * <p>Thread-safe: any number of threads may search while others apply changes; writes are
 * serialised. Searches never throw on what a visitor typed. Do not interrupt a thread while it
 * is in {@link #apply}, {@link #replaceAll}, {@link #commit} or {@link #close}: an interrupt during
 * Lucene file I/O closes the index's files and the writer with them.
 */
public final class SearchIndex implements AutoCloseable {
    /** How often pending changes are committed durably when nobody asks. */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    private final Analyzer analyzer;
    /** The share of the pages one segment holds in an index that counts as merged. */
    private static final double MOST_PAGES = 0.9;

    private final Directory directory;
    private final DurableWriter writer;
    private final SearcherManager searchers;
    private final ReopenOnRead freshness;
    private final PageSearcher pageSearcher;
    private final TitleSuggester titles;

    private SearchIndex(Analyzer analyzer, IndexOpener.Opened opened, Duration commitInterval) throws IOException {
        this.analyzer = analyzer;
        this.directory = opened.directory();
        this.searchers = new SearcherManager(opened.writer(), new PageIndexSearcher.Factory(PageFields.facetsConfig()));
        this.freshness = new ReopenOnRead(searchers);
        this.writer = new DurableWriter(opened.writer(), new PageDocument(PageFields.facetsConfig()),
                opened.committedId(), commitInterval);
        this.pageSearcher = new PageSearcher(analyzer);
        this.titles = new TitleSuggester(analyzer);
        if (leftUnmerged()) {
            writer.mergeDownLater(this::reopenOnMerged);
        }
    }

    /**
     * Whether the pages are spread over several segments none of which holds most of them: what
     * a rebuild leaves when the reindex command does not wait for its merge (or a crash before the
     * merge ended). A merged index with the small segments of later saves is left to the merge
     * policy: merging it all again at every start would cost seconds of a core for nothing.
     */
    private boolean leftUnmerged() {
        return withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            int largest = reader.leaves().stream().mapToInt(leaf -> leaf.reader().maxDoc()).max().orElse(0);
            return reader.leaves().size() > 1 && largest < reader.maxDoc() * MOST_PAGES;
        });
    }

    /** Opens the index in {@code directory}, committing every {@link #DEFAULT_COMMIT_INTERVAL}. */
    public static SearchIndex open(Path directory) {
        return open(directory, DEFAULT_COMMIT_INTERVAL);
    }

    /**
     * Opens the index in {@code directory}, creating it when absent and recreating it (empty,
     * with a warning logged) when it cannot be read. Fails only when the directory cannot be
     * created or another writer holds the index.
     */
    public static SearchIndex open(Path directory, Duration commitInterval) {
        Analyzer analyzer = PageFields.analyzer();
        try {
            IndexOpener.Opened opened = IndexOpener.open(directory, analyzer, PageFields.LAYOUT);
            try {
                return new SearchIndex(analyzer, opened, commitInterval);
            } catch (IOException | RuntimeException e) {
                opened.writer().rollback();
                opened.directory().close();
                throw e;
            }
        } catch (IOException e) {
            analyzer.close();
            throw new UncheckedIOException("Cannot open the search index in " + directory, e);
        }
    }

    /** The Git commit id recorded in the last durable Lucene commit; empty for a new index. */
    public Optional<String> indexedCommit() {
        return writer.committedId();
    }

    /** The Git commit id of the last {@link #apply} or {@link #replaceAll}, durable or not yet. */
    public Optional<String> appliedCommit() {
        return writer.appliedId();
    }

    /**
     * Removes {@code deletedPaths}, then adds or replaces {@code upserts} (by path); every search
     * that starts after this returns sees the change (the first one reopens the reader). {@code commitId} is recorded with the
     * next durable commit.
     */
    public void apply(String commitId, Collection<IndexedPage> upserts, Collection<String> deletedPaths) {
        try {
            writer.apply(commitId, upserts, deletedPaths);
            freshness.written(); // read-your-writes: the next search reopens the reader first
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update the search index", e);
        }
    }

    /**
     * Rebuilds the index from scratch with {@code pages}, reporting the number of pages done after
     * each, and commits with {@code commitId}. Searches see the old index until it is finished.
     */
    public void replaceAll(String commitId, Iterable<IndexedPage> pages, IntConsumer progress) {
        replaceAll(commitId, pages, progress, true);
    }

    /**
     * Like {@link #replaceAll(String, Iterable, IntConsumer)}; with {@code mergeNow} false the
     * rebuilt index is left in its segments (one or a few per indexing thread) for the next
     * {@link #open} to merge in the background: for a process that closes the index right after
     * (the {@code reindex} command), which would otherwise wait seconds for the merge.
     */
    public void replaceAll(String commitId, Iterable<IndexedPage> pages, IntConsumer progress, boolean mergeNow) {
        try {
            writer.replaceAll(commitId, pages, progress == null ? done -> { } : progress);
            freshness.written();
            if (mergeNow) {
                writer.mergeDownLater(this::reopenOnMerged);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rebuild the search index", e);
        }
    }

    /**
     * Moves searches onto the merged segment at once: the reader on the old segments is let go,
     * so their files can be deleted at the next commit instead of lingering until a restart.
     */
    private void reopenOnMerged() {
        freshness.written();
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException | org.apache.lucene.store.AlreadyClosedException e) {
            LOG.info("Searches move to the merged index on their next reopen ({})", e.toString());
        }
    }

    /** Makes every applied change durable now. */
    public void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot commit the search index", e);
        }
    }

    /** The requested window of pages matching {@code request}, with facets and maybe a correction. */
    public SearchResults search(SearchRequest request) {
        try {
            return searchUnguarded(request);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            // The query language is meant never to fail; if it does, the visitor still gets an answer.
            LOG.warn("Search for {} failed; answering with no results", request, e);
            return SearchResults.empty();
        }
    }

    /** {@link #search} without its safety net, so tests can see any failure of the query pipeline. */
    SearchResults searchUnguarded(SearchRequest request) {
        return withSearcher(searcher -> pageSearcher.search(searcher, request));
    }

    /** Every page matching the filters, in title order, with facets. */
    public SearchResults browse(Optional<String> tag, Optional<String> audience, Optional<String> type, int limit,
            int offset) {
        SearchRequest window = new SearchRequest("", tag, audience, type, limit, offset);
        return withSearcher(searcher -> pageSearcher.browse(searcher,
                QueryRestrictions.requestFilters(window.tag(), window.audience(), window.type()),
                window.limit(), window.offset()));
    }

    /** Titles with a word starting with {@code prefix}, best first, at most {@code limit} (≤ 20). */
    public List<TitleSuggestion> suggest(String prefix, int limit) {
        return withSearcher(searcher -> titles.suggest(searcher, prefix, limit));
    }

    /** The number of pages in the index, as the next search sees it. */
    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Commits what is pending and releases the index. Idempotent. */
    @Override
    public void close() {
        try (Directory dir = directory; Analyzer an = analyzer; SearcherManager sm = searchers) {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the search index", e);
        }
    }

    private interface SearcherWork<T> {
        T run(PageIndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        PageIndexSearcher searcher;
        try {
            freshness.catchUp();
            searcher = (PageIndexSearcher) searchers.acquire();
        } catch (AlreadyClosedException e) {
            throw new IllegalStateException("The search index is closed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a search index reader", e);
        }
        try {
            return work.run(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the search index", e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                LOG.warn("Cannot release a search index reader", e);
            }
        }
    }
}
