package org.clearinghouse.wiki;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clearinghouse.page.Author;
import org.clearinghouse.store.CommitRejectedException;
import org.clearinghouse.store.CentralRemote;
import org.clearinghouse.store.ContentStore;
import org.clearinghouse.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this wiki and a central Git repository in step, so several instances share one wiki:
 * fetch the central {@code main}; if only one side moved, fast-forward the other; if both did,
 * merge file by file (three-way) and push the merge. A real conflict keeps both texts (the local
 * one in the tree, the central one in the merge's second parent) and is reported to admins. Runs
 * under the wiki's writer lock, so it never races a save. Thread-safe.
 */
final class CentralSync {
    private static final Logger LOG = LoggerFactory.getLogger(CentralSync.class);
    private static final Author MERGER = new Author("Clearinghouse", "wiki@clearinghouse.invalid");
    private static final int MAX_CONFLICTS = 100;

    private final ContentStore store;
    private final CentralRemote remote;
    private final PageEditor editor;
    private final Runnable refresh;
    private final List<SyncStatus.Conflict> conflicts = new ArrayList<>();
    private volatile Optional<Instant> lastAttempt = Optional.empty();
    private volatile Optional<String> lastError = Optional.empty();
    private volatile Optional<String> centralHead = Optional.empty();
    private final java.util.concurrent.atomic.AtomicBoolean pending = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.ScheduledExecutorService runner =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "central-sync");
                thread.setDaemon(true);
                return thread;
            });

    CentralSync(ContentStore store, CentralRemote remote, PageEditor editor, Runnable refresh) {
        this.store = store;
        this.remote = remote;
        this.editor = editor;
        this.refresh = refresh;
    }

    /** Syncs every {@code seconds} in the background, and soon after each local change. */
    void start(long seconds) {
        runner.scheduleWithFixedDelay(this::syncNow, 0, seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Asks for a sync soon (a local save to push); requests made meanwhile share one round. */
    void requestSoon() {
        if (pending.compareAndSet(false, true)) {
            runner.execute(() -> {
                pending.set(false);
                syncNow();
            });
        }
    }

    void stop() {
        runner.shutdown();
    }

    /** One round: fetch, join the histories, push. Errors are recorded, never thrown. */
    synchronized SyncStatus syncNow() {
        lastAttempt = Optional.of(Instant.now());
        try {
            Optional<String> central = remote.fetch();
            centralHead = central;
            editor.exclusive(() -> join(central));
            lastError = Optional.empty();
        } catch (RuntimeException e) {
            lastError = Optional.of(e.getMessage());
            LOG.warn("Sync with {} failed: {}", remote.displayUrl(), e.getMessage());
        }
        refresh.run();
        return status();
    }

    private Void join(Optional<String> central) {
        String local = store.head().orElseThrow();
        if (central.isEmpty() || store.isAncestor(central.get(), local)) {
            if (central.isEmpty() || !central.get().equals(local)) {
                pushOrReport(local);
            }
            return null;
        }
        try {
            if (store.isAncestor(local, central.get())) {
                store.advance(local, central.get());
                return null;
            }
            ContentStore.MergeResult merge = store.mergeWithCentral(local, central.get(), MERGER);
            store.advance(local, merge.commit());
            for (String path : merge.conflicts()) {
                recordConflict(new SyncStatus.Conflict(path, merge.commit(), Instant.now()));
            }
            pushOrReport(merge.commit());
            return null;
        } catch (CommitRejectedException e) {
            throw new CommitRejectedRuntime("The wiki moved during the sync; it will be retried.");
        }
    }

    private void pushOrReport(String commit) {
        if (remote.push(commit)) {
            centralHead = Optional.of(commit);
        } else {
            throw new StoreException("The central repository moved on; the next sync will merge it.", null);
        }
    }

    private synchronized void recordConflict(SyncStatus.Conflict conflict) {
        conflicts.add(0, conflict);
        if (conflicts.size() > MAX_CONFLICTS) {
            conflicts.remove(conflicts.size() - 1);
        }
        LOG.warn("Conflict with the central repository in {}: the local text was kept, the central one is in {}",
                conflict.path(), conflict.mergeCommit());
    }

    synchronized SyncStatus status() {
        return new SyncStatus(remote.displayUrl(), lastAttempt, lastError, store.head().orElse(""), centralHead,
                List.copyOf(conflicts));
    }

    /** A lost race inside the writer lock, carried out of the lambda. */
    private static final class CommitRejectedRuntime extends RuntimeException {
        CommitRejectedRuntime(String message) {
            super(message);
        }
    }
}
