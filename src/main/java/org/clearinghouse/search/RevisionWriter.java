package org.clearinghouse.search;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The revision index's only writer. Commits are appended in the order given (parents before
 * children), each numbered one higher than the last, so the numbers order history. Writes are
 * serialised by one lock, so the Git commit id stamped on a Lucene commit is never ahead of the
 * documents written before it. As with the page index, a Lucene commit (fsync) is made by a
 * timer, on {@link #commit()} and on {@link #close()}, never per save, and it does not hold up
 * saves (see {@link #commitBesideWrites()}); after a crash the index restarts from its last
 * commit point and catches up from the Git commit stamped on it. Thread-safe.
 */
final class RevisionWriter implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(RevisionWriter.class);

    private final IndexWriter writer;
    private final ReentrantLock lock = new ReentrantLock();
    /** Serialises Lucene commits with each other, a rebuild and closing; taken before {@link #lock}. */
    private final ReentrantLock commits = new ReentrantLock();
    private final ScheduledExecutorService timer;
    private volatile String appliedId;
    private volatile String committedId;
    /** Guarded by {@link #lock}: the number of the newest commit indexed. */
    private long lastSeq;
    /** Guarded by {@link #lock}. */
    private boolean dirty;
    /** Guarded by {@link #lock}: a rebuild failed half-way; committing it would record a lie. */
    private boolean rebuildIncomplete;
    /** Guarded by {@link #lock}. */
    private boolean closed;

    RevisionWriter(IndexWriter writer, Optional<String> committedId, long lastSeq, Duration interval) {
        this.writer = writer;
        this.committedId = committedId.orElse(null);
        this.appliedId = this.committedId;
        this.lastSeq = lastSeq;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "revision-index-commit");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::commitIfChanged, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Appends the commits {@code feed} hands over, oldest first, then records {@code headId}. */
    void append(String headId, Consumer<Consumer<IndexedCommit>> feed) throws IOException {
        requireId(headId);
        lock.lock();
        try {
            ensureOpen();
            feed.accept(this::add);
            appliedId = headId;
            dirty = true;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            lock.unlock();
        }
    }

    /** Empties the index, appends every commit {@code feed} hands over and commits durably. */
    void replaceAll(String headId, Consumer<Consumer<IndexedCommit>> feed, IntConsumer progress) throws IOException {
        requireId(headId);
        commits.lock();
        lock.lock();
        try {
            ensureOpen();
            rebuildIncomplete = true;
            writer.deleteAll();
            lastSeq = 0;
            int[] done = {0};
            feed.accept(commit -> {
                add(commit);
                progress.accept(++done[0]);
            });
            rebuildIncomplete = false;
            appliedId = headId;
            commitLocked();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            lock.unlock();
            commits.unlock();
        }
    }

    /** Called with the lock held. Re-adding a commit replaces its documents. */
    private void add(IndexedCommit commit) {
        try {
            writer.updateDocuments(new Term(RevisionFields.COMMIT, commit.revision().id()),
                    RevisionFields.documents(commit, ++lastSeq));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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

    @Override
    public void close() throws IOException {
        // shutdown, never shutdownNow: an interrupt inside Lucene I/O closes the index's files.
        timer.shutdown();
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
                    writer.close(); // commitOnClose is off: a failed rebuild is rolled back
                }
            } finally {
                lock.unlock();
                commits.unlock();
            }
        }
    }

    private void commitLocked() throws IOException {
        if (rebuildIncomplete) {
            return;
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
            LOG.error("Periodic commit of the revision index failed", e);
        } finally {
            commits.unlock();
        }
    }

    /**
     * Commits while saves go on appending (the caller holds {@link #commits}), stamped with the Git
     * commit applied when it starts. Lucene's commit holds every document added before that and
     * perhaps some added during it; after a crash the catch-up from the stamp appends those Git
     * commits again, and re-adding a commit replaces its documents (with higher numbers, still in
     * history order). Holding the write lock through the fsyncs made saves wait for the timer.
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
            throw new IllegalStateException("The revision index is closed");
        }
    }

    private static void requireId(String commitId) {
        if (commitId == null || commitId.isBlank()) {
            throw new IllegalArgumentException("A Git commit id is required");
        }
    }

    /** Carries an I/O failure out of the feed's callback. */
    private static final class UncheckedIOException extends RuntimeException {
        UncheckedIOException(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
