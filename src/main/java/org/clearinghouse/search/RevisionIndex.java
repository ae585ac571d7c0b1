package org.clearinghouse.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.clearinghouse.page.RevisionNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The revision index: one Lucene document per page change (and a marker per commit), so that a
 * page's history and the wiki's recent changes are queries whose cost follows the entries
 * returned, not the size of the repository. Commits are appended oldest first as the branch
 * moves ({@link #append}); the index is stamped with the Git commit it reflects and catches up
 * from there after a restart; {@link #replaceAll} rebuilds it. Appended commits are visible to
 * the next query (near-real-time readers, reopened by the first query after a write, so a burst
 * of saves pays for one reopen rather than one each); durability comes every few seconds.
 *
 * <p>Thread-safe: any number of threads query while one appends. Do not interrupt a thread
 * inside {@link #append}, {@link #replaceAll}, {@link #commit} or {@link #close}.
 */
public final class RevisionIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RevisionIndex.class);

    private final Analyzer analyzer;
    private final Directory directory;
    private final RevisionWriter writer;
    private final SearcherManager searchers;
    private final ReopenOnRead freshness;

    private RevisionIndex(Analyzer analyzer, IndexOpener.Opened opened, Duration commitInterval) throws IOException {
        this.analyzer = analyzer;
        this.directory = opened.directory();
        this.searchers = new SearcherManager(opened.writer(), null);
        this.freshness = new ReopenOnRead(searchers);
        this.writer = new RevisionWriter(opened.writer(), opened.committedId(), lastSeq(opened), commitInterval);
    }

    /** Opens (or creates, or recreates when unreadable) the index in {@code directory}. */
    public static RevisionIndex open(Path directory) {
        return open(directory, SearchIndex.DEFAULT_COMMIT_INTERVAL);
    }

    public static RevisionIndex open(Path directory, Duration commitInterval) {
        Analyzer analyzer = new KeywordAnalyzer(); // no field is analysed; the writer needs one all the same
        try {
            IndexOpener.Opened opened = IndexOpener.open(directory, analyzer, RevisionFields.LAYOUT);
            try {
                return new RevisionIndex(analyzer, opened, commitInterval);
            } catch (IOException | RuntimeException e) {
                opened.writer().rollback();
                opened.directory().close();
                throw e;
            }
        } catch (IOException e) {
            analyzer.close();
            throw new UncheckedIOException("Cannot open the revision index in " + directory, e);
        }
    }

    /**
     * The highest sequence number in the index, from the points' per-segment maximum rather than a
     * sorted search of every revision. A deleted revision's number may be the maximum; counting on
     * from it only skips numbers, which keeps them unique and increasing.
     */
    private static long lastSeq(IndexOpener.Opened opened) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(opened.writer())) {
            byte[] max = PointValues.getMaxPackedValue(reader, RevisionFields.SEQ);
            return max == null ? 0 : LongPoint.decodeDimension(max, 0);
        }
    }

    /** The Git commit recorded in the last durable Lucene commit; empty for a new index. */
    public Optional<String> indexedCommit() {
        return writer.committedId();
    }

    /** The Git commit of the last append or rebuild, durable or not yet. */
    public Optional<String> appliedCommit() {
        return writer.appliedId();
    }

    /**
     * Appends the commits {@code feed} hands to its consumer (oldest first), records
     * {@code headId} as the commit the index now reflects, and makes them visible to queries.
     */
    public void append(String headId, Consumer<Consumer<IndexedCommit>> feed) {
        try {
            writer.append(headId, feed);
            freshness.written();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update the revision index", e);
        }
    }

    /** Rebuilds from scratch with every commit {@code feed} hands over, reporting commits done. */
    public void replaceAll(String headId, Consumer<Consumer<IndexedCommit>> feed, IntConsumer progress) {
        try {
            writer.replaceAll(headId, feed, progress == null ? done -> { } : progress);
            freshness.written();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rebuild the revision index", e);
        }
    }

    /** Makes every appended commit durable now. */
    public void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot commit the revision index", e);
        }
    }

    /** True when the index holds {@code commit} (40 hex digits). */
    public boolean contains(String commit) {
        return withSearcher(searcher -> RevisionQueries.seqOf(searcher, commit).isPresent());
    }

    /**
     * The history of the page now named {@code path}, newest first, following renames:
     * {@code limit} entries older than {@code before} (a commit; from the newest when empty).
     *
     * @throws RevisionNotFoundException when {@code before} is not in the index
     */
    public RevisionPage history(String path, int limit, Optional<String> before) {
        return withSearcher(searcher -> RevisionQueries.history(searcher, path, Math.max(1, limit),
                seqOf(searcher, before)));
    }

    /** Recent changes across the wiki, newest first, older than {@code before} when given. */
    public RevisionPage changes(ChangeQuery query, Optional<String> before) {
        return withSearcher(searcher -> RevisionQueries.changes(searcher, query, seqOf(searcher, before)));
    }

    /**
     * The name that the page now called {@code path} had in {@code commit}'s tree (it differs
     * when the page was renamed since).
     *
     * @throws RevisionNotFoundException when {@code commit} is not in the index
     */
    public String nameAt(String path, String commit) {
        return withSearcher(searcher -> RevisionQueries.nameAt(searcher, path,
                seqOf(searcher, Optional.of(commit)).getAsLong(), false));
    }

    /**
     * The newest change of the page named exactly {@code path} at or before {@code commit} (no
     * renames followed: the name is the one in that commit's tree); empty when there is none or
     * the index does not hold {@code commit}.
     */
    public Optional<RevisionEntry> changeAt(String path, String commit) {
        return withSearcher(searcher -> {
            OptionalLong seq = RevisionQueries.seqOf(searcher, commit);
            return seq.isEmpty() ? Optional.empty() : RevisionQueries.changeAt(searcher, path, seq.getAsLong());
        });
    }

    /**
     * The newest change of every page name the index has seen, by name (deleted pages and old
     * names included; callers look up the names they have).
     */
    public Map<String, RevisionEntry> latestChanges() {
        return withSearcher(RevisionQueries::latestChanges);
    }

    /** The number of documents (changes and commit markers), as the next query sees it. */
    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    private static OptionalLong seqOf(IndexSearcher searcher, Optional<String> commit) throws IOException {
        if (commit.isEmpty()) {
            return OptionalLong.empty();
        }
        OptionalLong seq = RevisionQueries.seqOf(searcher, commit.get());
        if (seq.isEmpty()) {
            throw new RevisionNotFoundException("The revision " + commit.get() + " is not in this wiki's history.");
        }
        return seq;
    }

    @Override
    public void close() {
        try (Directory dir = directory; Analyzer an = analyzer; SearcherManager sm = searchers) {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the revision index", e);
        }
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        IndexSearcher searcher;
        try {
            freshness.catchUp();
            searcher = searchers.acquire();
        } catch (AlreadyClosedException e) {
            throw new IllegalStateException("The revision index is closed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a revision index reader", e);
        }
        try {
            return work.run(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the revision index", e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                LOG.warn("Cannot release a revision index reader", e);
            }
        }
    }
}
