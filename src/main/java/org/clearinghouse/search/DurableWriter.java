package org.clearinghouse.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index's only writer: applies page changes and makes them durable. Writes are serialised
 * by one lock, so the Git commit id recorded is never ahead of the documents written before it.
 * A Lucene commit (an fsync of every new file) is too slow to make per save, and needless:
 * freshness comes from near-real-time readers. So commits are made by a timer, at most once per
 * interval and only when something changed, and on {@link #commit()} and {@link #close()};
 * after a crash the index restarts from its last commit and catches up from the Git commit id
 * recorded in it. A commit does not hold up saves: see {@link #commitBesideWrites()}. Thread-safe.
 */
final class DurableWriter implements Closeable {
    /** Pages handed to the writer's threads at a time during a rebuild. */
    private static final int REBUILD_BATCH = 512;
    private static final Logger LOG = LoggerFactory.getLogger(DurableWriter.class);

    private final IndexWriter writer;
    private final PageDocument documents;
    private final ReentrantLock lock = new ReentrantLock();
    /**
     * Serialises Lucene commits with each other, with a rebuild and with closing; taken before
     * {@link #lock} when both are needed.
     */
    private final ReentrantLock commits = new ReentrantLock();
    private final ScheduledExecutorService timer;
    private volatile String appliedId;
    private volatile String committedId;
    /** Guarded by {@link #lock}: changes applied since the last commit. */
    private boolean dirty;
    /** Guarded by {@link #lock}: a rebuild failed half-way; committing it would record a lie. */
    private boolean rebuildIncomplete;
    /** Guarded by {@link #lock}: the writer is closed; a timer tick that was waiting does nothing. */
    private boolean closed;

    DurableWriter(IndexWriter writer, PageDocument documents, Optional<String> committedId, Duration interval) {
        this.writer = writer;
        this.documents = documents;
        this.committedId = committedId.orElse(null);
        this.appliedId = this.committedId;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "search-index-commit");
            thread.setDaemon(true); // never keeps the JVM alive; close() makes the final commit
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::commitIfChanged, millis, millis, TimeUnit.MILLISECONDS);
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
            appliedId = commitId;
            dirty = true;
        } finally {
            lock.unlock();
        }
    }

    /** Empties the index, adds every page and commits, reporting the count done after each page. */
    void replaceAll(String commitId, Iterable<IndexedPage> pages, IntConsumer progress) throws IOException {
        requireId(commitId);
        commits.lock();
        lock.lock();
        try {
            ensureOpen();
            rebuildIncomplete = true;
            writer.deleteAll();
            int done = 0;
            try {
                List<IndexedPage> batch = new ArrayList<>(REBUILD_BATCH);
                for (IndexedPage page : pages) {
                    batch.add(page);
                    if (batch.size() == REBUILD_BATCH) {
                        done = addAll(batch, done, progress);
                    }
                }
                done = addAll(batch, done, progress);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Search index rebuild failed after {} pages; the last durable commit is kept until a "
                        + "rebuild succeeds", done);
                throw e;
            }
            rebuildIncomplete = false;
            appliedId = commitId;
            commitLocked();
        } finally {
            lock.unlock();
            commits.unlock();
        }
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

    /** Makes everything applied so far durable, with the latest applied commit id. */
    void commit() throws IOException {
        commits.lock();
        try {
            lock.lock();
            try {
                ensureOpen();
            } finally {
                lock.unlock();
            }
            commitBesideWrites();
        } finally {
            commits.unlock();
        }
    }

    Optional<String> committedId() {
        return Optional.ofNullable(committedId);
    }

    Optional<String> appliedId() {
        return Optional.ofNullable(appliedId);
    }

    /**
     * Merges the index into one segment on the timer's thread, then marks it for the next commit
     * and runs {@code merged} (which makes searches reopen on it). A rebuild leaves a segment per
     * indexing thread and buffer-full; searching one segment took about half the time at 20,000
     * pages (typo queries most: their automata are intersected with every segment's terms).
     * Saves go on meanwhile; {@link #close} waits for it.
     */
    void mergeDownLater(Runnable merged) {
        try {
            timer.execute(() -> mergeDown(merged));
        } catch (RejectedExecutionException closing) {
            // Closing: the next start searches the segments as they are.
        }
    }

    private void mergeDown(Runnable merged) {
        try {
            long started = System.nanoTime();
            writer.forceMerge(1);
            lock.lock();
            try {
                dirty = true;
            } finally {
                lock.unlock();
            }
            merged.run();
            LOG.info("Merged the search index into one segment in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            LOG.info("The search index was not merged ({}); searches use its segments as they are", e.toString());
        }
    }

    /** Stops the timer, commits what is pending and closes the Lucene writer. */
    @Override
    public void close() throws IOException {
        // shutdown, never shutdownNow: interrupting a thread inside Lucene I/O closes the index's
        // file channels and invalidates the write lock. A tick under way finishes (it holds the
        // lock); later ticks are cancelled.
        timer.shutdown();
        try {
            // A merge after a rebuild runs on the timer: let it finish (seconds), so the next start
            // opens the merged index rather than abandoning the work.
            timer.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commits.lock();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            commitLocked();
        } finally {
            try {
                if (writer.isOpen()) {
                    writer.close(); // commitOnClose is off: a failed rebuild is rolled back, not committed
                }
            } finally {
                lock.unlock();
                commits.unlock();
            }
        }
    }

    private void commitLocked() throws IOException {
        if (rebuildIncomplete) {
            return; // logged once when the rebuild failed
        }
        if (!dirty && !writer.hasUncommittedChanges() && Objects.equals(appliedId, committedId)) {
            return;
        }
        if (appliedId != null) {
            writer.setLiveCommitData(Map.of(IndexOpener.COMMIT_KEY, appliedId).entrySet());
        }
        writer.commit();
        committedId = appliedId;
        dirty = false;
    }

    private void commitIfChanged() {
        commits.lock();
        try {
            commitBesideWrites();
        } catch (IOException | RuntimeException e) {
            // Logged, not thrown: the timer must keep running, and a later commit may succeed.
            LOG.error("Periodic commit of the search index failed", e);
        } finally {
            commits.unlock();
        }
    }

    /**
     * Commits while saves go on applying their pages (the caller holds {@link #commits}). The
     * commit is stamped with the Git commit applied when it starts; Lucene's commit then includes
     * every document added before that, and perhaps some added during it. A stamp older than some
     * documents is safe: after a crash the catch-up from the stamp applies those pages again, and
     * applying a page twice gives the same index. Holding the write lock through the fsyncs instead
     * made a save wait up to a few hundred milliseconds for a periodic commit.
     */
    private void commitBesideWrites() throws IOException {
        String stamp;
        lock.lock();
        try {
            if (closed || rebuildIncomplete) {
                return;
            }
            if (!dirty && !writer.hasUncommittedChanges() && Objects.equals(appliedId, committedId)) {
                return;
            }
            stamp = appliedId;
            if (stamp != null) {
                writer.setLiveCommitData(Map.of(IndexOpener.COMMIT_KEY, stamp).entrySet());
            }
            dirty = false;
        } finally {
            lock.unlock();
        }
        try {
            writer.commit();
            committedId = stamp;
        } catch (IOException | RuntimeException e) {
            lock.lock();
            try {
                dirty = true;
            } finally {
                lock.unlock();
            }
            throw e;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The search index is closed");
        }
    }

    private static void requireId(String commitId) {
        if (commitId == null || commitId.isBlank()) {
            throw new IllegalArgumentException("A Git commit id is required");
        }
    }
}
