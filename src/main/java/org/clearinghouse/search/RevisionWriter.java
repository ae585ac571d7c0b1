package org.clearinghouse.search;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * The revision index's only writer. Commits are appended in the order given (parents before
 * children), each numbered one higher than the last, so the numbers order history. How the
 * changes are made durable, stamped with the Git commit they reflect, is {@link StampedWriter}'s:
 * after a crash the catch-up from the stamp appends some Git commits again, and re-adding a commit
 * replaces its documents (with higher numbers, still in history order). Thread-safe.
 */
final class RevisionWriter extends StampedWriter {
    /** Guarded by {@link #lock}: the number of the newest commit indexed. */
    private long lastSeq;

    RevisionWriter(IndexWriter writer, Optional<String> committedId, long lastSeq, Duration interval) {
        super(writer, committedId, interval, "revision");
        this.lastSeq = lastSeq;
    }

    /** Appends the commits {@code feed} hands over, oldest first, then records {@code headId}. */
    void append(String headId, Consumer<Consumer<IndexedCommit>> feed) throws IOException {
        requireId(headId);
        lock.lock();
        try {
            ensureOpen();
            feed.accept(commit -> add(commit, false));
            applied(headId);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            lock.unlock();
        }
    }

    /** Empties the index, appends every commit {@code feed} hands over and commits durably. */
    void replaceAll(String headId, Consumer<Consumer<IndexedCommit>> feed, IntConsumer progress) throws IOException {
        replaceAll(headId, () -> {
            lastSeq = 0;
            int[] done = {0};
            try {
                feed.accept(commit -> {
                    add(commit, true);
                    progress.accept(++done[0]);
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
    }

    /**
     * Called with the lock held. Re-adding a commit replaces its documents, except in a rebuild
     * ({@code fresh}): the index was emptied and the walk hands over each commit once, so there is
     * nothing to replace, and a delete term per commit would cost a terms lookup in every segment
     * when Lucene applies the deletes at each flush.
     */
    private void add(IndexedCommit commit, boolean fresh) {
        List<Document> documents = RevisionFields.documents(commit, ++lastSeq);
        try {
            if (fresh) {
                writer.addDocuments(documents);
            } else {
                writer.updateDocuments(new Term(RevisionFields.COMMIT, commit.revision().id()), documents);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
