package org.clearinghouse.wiki;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.clearinghouse.page.Revision;
import org.clearinghouse.store.ContentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the head snapshot comes from at start, and where it is kept for the next one: the
 * {@link SnapshotFile} of the last run when it can be trusted (advanced by a tree diff when the
 * branch moved while the wiki was stopped), else a full build. Without a data folder for derived
 * files (a wiki opened without indexes) it always builds. Thread-safe.
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
     * The snapshot of {@code head}: loaded, loaded and advanced, or built with the last changes
     * {@code knownLastChanges} gives for the head (file name to revision; asked only for a full build).
     */
    Snapshot load(String head, Function<String, Map<String, Revision>> knownLastChanges) {
        Optional<Snapshot> saved = file.flatMap(SnapshotFile::read);
        if (saved.isPresent()) {
            String at = saved.get().commitId();
            try {
                if (at.equals(head)) {
                    savedCommit = Optional.of(at);
                    return saved.get();
                }
                if (store.hasCommit(at) && store.isAncestor(at, head)) {
                    return builder.advance(saved.get(), head);
                }
                LOG.info("The saved snapshot is of {}, which the branch no longer contains; reading every page",
                        at.substring(0, Math.min(7, at.length())));
            } catch (RuntimeException e) {
                LOG.warn("The saved snapshot could not be brought up to {}; reading every page", head, e);
            }
        }
        return rebuild(head, knownLastChanges);
    }

    /** Reads every page of {@code head}, ignoring the saved snapshot (for {@code reindex}). */
    Snapshot rebuild(String head, Function<String, Map<String, Revision>> knownLastChanges) {
        savedCommit = Optional.empty();
        return builder.build(head, knownLastChanges.apply(head));
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
