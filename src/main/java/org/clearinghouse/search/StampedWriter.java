package org.clearinghouse.search;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LiveIndexWriterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the page index's and the revision index's writers share: each Lucene commit is stamped with
 * the Git commit the index reflects, so a start catches up from there. A Lucene commit (an fsync
 * of every new file) is too slow to make per save, and needless, since near-real-time readers give
 * freshness; commits are made by a timer, at most once per interval and only when something
 * changed, and on {@link #commit()} and {@link #close()}. After a crash the index restarts from its
 * last commit and catches up from its stamp.
 *
 * <p>Writes are serialised by {@link #lock}, taken by the subclass around each change, so a stamp
 * is never ahead of the documents written before it. A commit does not hold that lock through its
 * fsyncs (saves went on waiting for the timer for up to a few hundred milliseconds): it takes the
 * stamp under the lock, then commits beside the writes; a document added meanwhile may be in the
 * commit too, which is safe because the catch-up from an older stamp applies its change again and
 * applying a change twice gives the same index. Thread-safe.
 */
abstract class StampedWriter implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(StampedWriter.class);
    private static final String COMMIT_KEY = IndexOpener.COMMIT_KEY;
    private static final double REBUILD_BUFFER_MB =
            Math.min(256, Runtime.getRuntime().maxMemory() / 8 / (1024 * 1024));

    protected final IndexWriter writer;
    /** Serialises changes; held by the subclass while it writes. */
    protected final ReentrantLock lock = new ReentrantLock();
    /** Serialises Lucene commits with each other, a rebuild and closing; taken before {@link #lock}. */
    private final ReentrantLock commits = new ReentrantLock();
    private final ScheduledExecutorService timer;
    private final String indexName;
    private volatile String appliedId;
    private volatile String committedId;
    /** Guarded by {@link #lock}: changes applied since the last commit. */
    private boolean dirty;
    /** Guarded by {@link #lock}: a rebuild failed half-way; committing it would record a lie. */
    private boolean rebuildIncomplete;
    /** Guarded by {@link #lock}: the writer is closed; a timer tick that was waiting does nothing. */
    private boolean closed;

    /** A rebuild's work, run with both locks held on an emptied index. */
    @FunctionalInterface
    interface Rebuild {
        void run() throws IOException;
    }

    StampedWriter(IndexWriter writer, Optional<String> committedId, Duration interval, String indexName) {
        this.writer = writer;
        this.indexName = indexName;
        this.committedId = committedId.orElse(null);
        this.appliedId = this.committedId;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, indexName + "-index-commit");
            thread.setDaemon(true); // never keeps the JVM alive; close() makes the final commit
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::commitIfChanged, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Records, with {@link #lock} held, that the index now reflects Git commit {@code commitId}. */
    protected final void applied(String commitId) {
        appliedId = commitId;
        dirty = true;
    }

    /** Marks something to commit (with {@link #lock} held), e.g. after a merge. */
    protected final void changed() {
        dirty = true;
    }

    /**
     * Empties the index, runs {@code rebuild}, and commits it stamped with {@code commitId}. A
     * rebuild that fails is never committed: the last durable commit is kept until one succeeds.
     */
    protected final void replaceAll(String commitId, Rebuild rebuild) throws IOException {
        requireId(commitId);
        commits.lock();
        lock.lock();
        try {
            ensureOpen();
            rebuildIncomplete = true;
            writer.deleteAll();
            withRebuildBuffer(rebuild);
            rebuildIncomplete = false;
            appliedId = commitId;
            commitBesideWrites(); // with the write lock held here: nothing else is written meanwhile
        } finally {
            lock.unlock();
            commits.unlock();
        }
    }

    /**
     * Runs a rebuild with an indexing buffer of an eighth of the heap (48 to 256 MB). Each
     * buffer-full is written out as a segment while indexing stalls, and segments are merged again
     * later; with a heap of a few gigabytes a 20,000-page rebuild fits in one buffer per thread.
     * Saves go back to the usual buffer.
     */
    private void withRebuildBuffer(Rebuild rebuild) throws IOException {
        LiveIndexWriterConfig config = writer.getConfig();
        double usual = config.getRAMBufferSizeMB();
        config.setRAMBufferSizeMB(Math.max(usual, REBUILD_BUFFER_MB));
        try {
            rebuild.run();
        } finally {
            config.setRAMBufferSizeMB(usual);
        }
    }

    /** Runs {@code task} on the timer's thread (after any commit under way); false when closing. */
    protected final boolean later(Runnable task) {
        try {
            timer.execute(task);
            return true;
        } catch (RejectedExecutionException closing) {
            return false;
        }
    }

    /** Makes everything applied so far durable, with the latest applied commit id. */
    final void commit() throws IOException {
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

    final Optional<String> committedId() {
        return Optional.ofNullable(committedId);
    }

    final Optional<String> appliedId() {
        return Optional.ofNullable(appliedId);
    }

    /** Stops the timer (letting a task under way finish), commits what is pending and closes. */
    @Override
    public final void close() throws IOException {
        // shutdown, never shutdownNow: interrupting a thread inside Lucene I/O closes the index's
        // file channels and invalidates the write lock. A task under way (a merge after a
        // rebuild takes seconds) finishes, so the next start opens its result.
        timer.shutdown();
        try {
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
            try {
                commitBesideWrites();
            } finally {
                closed = true;
            }
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

    private void commitIfChanged() {
        commits.lock();
        try {
            commitBesideWrites();
        } catch (IOException | RuntimeException e) {
            // Logged, not thrown: the timer must keep running, and a later commit may succeed.
            LOG.error("Periodic commit of the {} index failed", indexName, e);
        } finally {
            commits.unlock();
        }
    }

    /**
     * With {@link #commits} held: takes the stamp under the write lock, then commits beside the
     * writes (or, when the caller holds the write lock too, with no writes meanwhile). A failed
     * rebuild is never committed; it is logged once where it failed.
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
                // The other entries (the index's layout) are kept as the opener wrote them.
                Map<String, String> data = new HashMap<>();
                writer.getLiveCommitData().forEach(entry -> data.put(entry.getKey(), entry.getValue()));
                data.put(COMMIT_KEY, stamp);
                writer.setLiveCommitData(data.entrySet());
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

    /** With {@link #lock} held: refuses a write to a closed index. */
    protected final void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The " + indexName + " index is closed");
        }
    }

    protected static void requireId(String commitId) {
        if (commitId == null || commitId.isBlank()) {
            throw new IllegalArgumentException("A Git commit id is required");
        }
    }
}
