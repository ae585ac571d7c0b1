package org.clearinghouse.search;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.search.SearcherManager;

/**
 * Keeps an index's near-real-time reader fresh by reopening it on the first query after a write,
 * not on every write. A reopen flushes the writer's buffered documents into a new segment, which
 * cost a save more than the rest of its indexing; done lazily, a burst of saves pays for one
 * reopen and a save never waits for one. Read-your-writes still holds: a write is counted before
 * its save returns, and a query reopens first when any counted write is not yet visible.
 * Thread-safe.
 */
final class ReopenOnRead {
    private final SearcherManager searchers;
    /** Bumped after every write; a query first reopens its reader when it lags behind. */
    private final AtomicLong written = new AtomicLong();
    private volatile long visible;
    private final Object reopening = new Object();

    ReopenOnRead(SearcherManager searchers) {
        this.searchers = searchers;
    }

    /** Records that a write has been made; call after it, before its caller is answered. */
    void written() {
        written.incrementAndGet();
    }

    /** Reopens the reader when a write was counted since it was opened; call before each query. */
    void catchUp() throws IOException {
        if (visible >= written.get()) {
            return;
        }
        synchronized (reopening) {
            long wanted = written.get();
            if (visible < wanted) {
                searchers.maybeRefreshBlocking(); // sees every write counted before this call
                visible = wanted;
            }
        }
    }
}
