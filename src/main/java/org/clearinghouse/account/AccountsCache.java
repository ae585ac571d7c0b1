package org.clearinghouse.account;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts file's content in memory, kept fresh cheaply: at most once per check interval, a
 * read compares the file's {@link AccountsFile.Stamp} with the one last read and re-reads the
 * file when another process has replaced it. A file that cannot be used makes every read throw
 * until it is fixed, rather than serve no accounts or stale ones.
 *
 * <p>Thread-safe: readers see an immutable snapshot through a volatile field without locking;
 * checking, reloading and replacing are serialised.
 */
final class AccountsCache {

    private static final Logger LOG = LoggerFactory.getLogger(AccountsCache.class);

    /** What was last read from the file: its accounts, or why it could not be used. */
    private record Snapshot(Map<String, Account> accounts, AccountsFile.Stamp stamp, AccountFileException failure) {
    }

    private final AccountsFile file;
    private final long checkIntervalNanos;
    private final Object lock = new Object();
    private volatile Snapshot snapshot;
    private volatile long checkedAtNanos;

    /**
     * Reads {@code file} now.
     *
     * @throws AccountFileException when it exists but cannot be read or is not valid
     */
    AccountsCache(AccountsFile file, Duration checkInterval) {
        if (checkInterval.isNegative()) {
            throw new IllegalArgumentException("The reload check interval must not be negative");
        }
        this.file = file;
        this.checkIntervalNanos = checkInterval.toNanos();
        synchronized (lock) {
            reload();
        }
        current();
    }

    /** The accounts by name as the file holds them, give or take one check interval. */
    Map<String, Account> current() {
        if (System.nanoTime() - checkedAtNanos >= checkIntervalNanos) {
            synchronized (lock) {
                // Another thread may have checked while this one waited for the lock.
                if (System.nanoTime() - checkedAtNanos >= checkIntervalNanos) {
                    if (!file.stamp().equals(snapshot.stamp())) {
                        reload();
                    }
                    checkedAtNanos = System.nanoTime();
                }
            }
        }
        Snapshot current = snapshot;
        if (current.failure() != null) {
            // A fresh exception per call: one shared instance would carry a misleading stack trace.
            AccountFileException failure = current.failure();
            throw new AccountFileException(failure.file(), failure.getMessage(), failure);
        }
        return current.accounts();
    }

    /** Takes {@code accounts} as the content, after this process wrote them to the file. */
    void replaced(Map<String, Account> accounts) {
        synchronized (lock) {
            snapshot = new Snapshot(Collections.unmodifiableMap(new TreeMap<>(accounts)), file.stamp(), null);
            checkedAtNanos = System.nanoTime();
        }
    }

    /** Reads the file into a new snapshot. Caller holds {@link #lock}. */
    private void reload() {
        // Stamp before content: if the file is replaced in between, the next check sees a newer
        // stamp and reads again, instead of keeping old content under a new stamp.
        AccountsFile.Stamp stamp = file.stamp();
        boolean outsideChange = snapshot != null;
        try {
            Snapshot loaded = new Snapshot(Collections.unmodifiableMap(new TreeMap<>(file.read())), stamp, null);
            if (outsideChange) {
                LOG.info("Reloaded {} accounts from {}: it was changed outside this process",
                        loaded.accounts().size(), file.path());
            }
            snapshot = loaded;
        } catch (AccountFileException e) {
            if (outsideChange) {
                // Damaged while in use: say so once, here; the constructor hands the error to its caller.
                LOG.error("{}", e.getMessage());
            }
            snapshot = new Snapshot(Map.of(), stamp, e);
        }
        checkedAtNanos = System.nanoTime();
    }
}
