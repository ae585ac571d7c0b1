package org.clearinghouse.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page index's only writer: applies page changes, rebuilds, and merges after a rebuild; how
 * the changes are made durable, stamped with the Git commit they reflect, is
 * {@link StampedWriter}'s. Thread-safe.
 */
final class DurableWriter extends StampedWriter {
    /** Pages handed to the writer's threads at a time during a rebuild. */
    private static final int REBUILD_BATCH = 512;
    private static final Logger LOG = LoggerFactory.getLogger(DurableWriter.class);

    private final PageDocument documents;

    DurableWriter(IndexWriter writer, PageDocument documents, Optional<String> committedId, Duration interval) {
        super(writer, committedId, interval, "search");
        this.documents = documents;
    }

    /** Deletes, then adds or replaces, by path; records {@code commitId} as the id to commit next. */
    void apply(String commitId, Collection<IndexedPage> upserts, Collection<String> deletedPaths) throws IOException {
        requireId(commitId);
        lock.lock();
        try {
            ensureOpen();
            for (String path : deletedPaths) {
                writer.deleteDocuments(new Term(PageFields.PATH, path));
            }
            for (IndexedPage page : upserts) {
                writer.updateDocument(new Term(PageFields.PATH, page.path()), documents.build(page));
            }
            applied(commitId);
        } finally {
            lock.unlock();
        }
    }

    /** Empties the index, adds every page and commits, reporting the count done after each page. */
    void replaceAll(String commitId, Iterable<IndexedPage> pages, IntConsumer progress) throws IOException {
        replaceAll(commitId, () -> {
            int done = 0;
            try {
                List<IndexedPage> batch = new ArrayList<>(REBUILD_BATCH);
                for (IndexedPage page : pages) {
                    batch.add(page);
                    if (batch.size() == REBUILD_BATCH) {
                        done = addAll(batch, done, progress);
                    }
                }
                addAll(batch, done, progress);
                flushSideBySide();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Search index rebuild failed after {} pages; the last durable commit is kept until a "
                        + "rebuild succeeds", done);
                throw e;
            }
        });
    }

    /**
     * Adds a batch of pages from several threads: the index writer analyses documents in parallel
     * (one segment buffer per thread), which is most of a rebuild's time after parsing. Plain adds,
     * since the index was emptied and page names are unique.
     */
    private int addAll(List<IndexedPage> batch, int doneBefore, IntConsumer progress) throws IOException {
        try {
            batch.parallelStream().forEach(page -> {
                try {
                    writer.addDocument(documents.build(page));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        int done = doneBefore;
        for (int i = 0; i < batch.size(); i++) {
            progress.accept(++done);
        }
        batch.clear();
        return done;
    }

    /**
     * Writes out the indexing threads' buffers in parallel, one per thread: the commit that ends a
     * rebuild would write them one after the other on its own thread, with the other cores idle
     * (the buffers of a 20,000-page rebuild take about 2 s to write).
     */
    private void flushSideBySide() throws IOException {
        try {
            IntStream.range(0, ForkJoinPool.getCommonPoolParallelism() + 1).parallel().forEach(worker -> {
                try {
                    while (writer.flushNextBuffer()) {
                        // until no buffer is left to write
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Merges the index into one segment on the timer's thread, then marks it for the next commit
     * and runs {@code merged} (which makes searches reopen on it). A rebuild leaves a segment per
     * indexing thread and buffer-full; searching one segment took about half the time at 20,000
     * pages (typo queries most: their automata are intersected with every segment's terms).
     * Saves go on meanwhile; {@link #close} waits for it. When closing, the next start searches
     * the segments as they are.
     */
    void mergeDownLater(Runnable merged) {
        later(() -> mergeDown(merged));
    }

    private void mergeDown(Runnable merged) {
        try {
            long started = System.nanoTime();
            writer.forceMerge(1);
            lock.lock();
            try {
                changed();
            } finally {
                lock.unlock();
            }
            merged.run();
            LOG.info("Merged the search index into one segment in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            LOG.info("The search index was not merged ({}); searches use its segments as they are", e.toString());
        }
    }
}
