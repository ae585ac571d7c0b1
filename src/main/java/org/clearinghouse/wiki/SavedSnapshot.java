package org.clearinghouse.wiki;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.clearinghouse.store.ContentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The head snapshot kept for the next start: the {@link SnapshotFile} of the last run when it
 * can be trusted, advanced by a tree diff when the branch moved while the wiki was stopped.
 * Without a folder for derived files (a wiki opened without indexes) there is never one.
 * Thread-safe.
 */
final class SavedSnapshot {
    private static final Logger LOG = LoggerFactory.getLogger(SavedSnapshot.class);

    private final Optional<Path> file;
    private final ContentStore store;
    private final SnapshotBuilder builder;
    /** The commit of the snapshot in the file, so an unchanged snapshot is not written twice. */
    private volatile Optional<String> savedCommit = Optional.empty();

    SavedSnapshot(Optional<Path> file, ContentStore store, SnapshotBuilder builder) {
        this.file = file;
        this.store = store;
        this.builder = builder;
    }

    /**
     * The snapshot of {@code head} from the file: as saved, or advanced from the saved commit;
     * empty when there is no file it can trust (the caller then reads every page).
     */
    Optional<Snapshot> load(String head) {
        Optional<Snapshot> saved = file.flatMap(SnapshotFile::read);
        if (saved.isEmpty()) {
            return Optional.empty();
        }
        String at = saved.get().commitId();
        try {
            if (at.equals(head)) {
                savedCommit = Optional.of(at);
                return saved;
            }
            if (store.hasCommit(at) && store.isAncestor(at, head)) {
                return Optional.of(builder.advance(saved.get(), head));
            }
            LOG.info("The saved snapshot is of {}, which the branch no longer contains; reading every page",
                    at.substring(0, Math.min(7, at.length())));
        } catch (RuntimeException e) {
            LOG.warn("The saved snapshot could not be brought up to {}; reading every page", head, e);
        }
        return Optional.empty();
    }

    /** Makes the next {@link #save} write even a snapshot of the commit saved last (after a reindex). */
    void forget() {
        savedCommit = Optional.empty();
    }

    /** Keeps {@code snapshot} for the next start; a failure is logged (the next start rebuilds). */
    void save(Snapshot snapshot) {
        if (file.isEmpty() || savedCommit.equals(Optional.of(snapshot.commitId()))) {
            return;
        }
        try {
            SnapshotFile.write(snapshot, file.get());
            savedCommit = Optional.of(snapshot.commitId());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not save the head snapshot to {}; the next start will read every page", file.get(), e);
        }
    }
}
