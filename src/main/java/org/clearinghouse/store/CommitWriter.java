package org.clearinghouse.store;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.UnavailableException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Builds one commit without a working tree and moves {@code main} to it by compare-and-swap.
 * The objects are written (and fsynced) before the ref moves, so a crash leaves either the old
 * head or the new one, never a half-written commit. Thread-safe: concurrent writers race on the
 * ref and all but one get {@link CommitRejectedException}.
 */
final class CommitWriter {
    private static final int LOCK_RETRIES = 20;

    /** The committer of every commit the wiki makes. */
    static final Author COMMITTER = new Author("Clearinghouse", "wiki@clearinghouse.invalid");

    private final Repository repository;
    private final RecentDiffs recent;
    private final WideTreeWriter wideTrees = new WideTreeWriter();

    CommitWriter(Repository repository, RecentDiffs recent) {
        this.repository = repository;
        this.recent = recent;
    }

    /** A tree written, and the files it changed relative to its base when they are plain files. */
    private record WrittenTree(ObjectId id, Optional<List<FileChange>> changes) {}

    String commit(Optional<String> base, Map<String, Optional<byte[]>> changes, Author author,
            String message) throws CommitRejectedException {
        RepositoryOpener.applyJGitDurability(repository);
        try (ObjectInserter inserter = newInserter()) {
            ObjectId baseId = base.map(ObjectId::fromString).orElse(null);
            WrittenTree tree = writeTree(baseId, changes, inserter);

            Instant now = Instant.now();
            PersonIdent ident = new PersonIdent(author.name(), author.email(), now, ZoneId.systemDefault());
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree.id());
            if (baseId != null) {
                commit.setParentId(baseId);
            }
            commit.setAuthor(ident);
            // The editor is the author; the wiki, which made the commit on their behalf, commits.
            commit.setCommitter(new PersonIdent(COMMITTER.name(), COMMITTER.email(), now, ZoneId.systemDefault()));
            commit.setMessage(message.endsWith("\n") ? message : message + "\n");
            ObjectId commitId = inserter.insert(commit);
            inserter.flush();
            moveBranch(baseId, commitId, message);
            if (baseId != null) {
                tree.changes().ifPresent(known -> recent.remember(baseId.name(), commitId.name(), known));
            }
            return commitId.name();
        } catch (IOException e) {
            if (jvmStopping()) {
                // JGit's own shutdown hook releases the lock files it holds, so a branch update
                // racing the stop fails: the branch did not move, and the save may be tried again.
                throw new UnavailableException("The wiki is stopping; nothing was saved. Try again in a moment.");
            }
            throw new StoreException("Could not write the commit", e);
        }
    }

    /** True once the JVM has begun to shut down (no hook can be added then). */
    private static boolean jvmStopping() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
    }

    /**
     * The objects of a commit are written as one batch, fsynced together (see
     * {@link LooseObjectBatch}); a repository not kept in a folder takes JGit's inserter.
     */
    private ObjectInserter newInserter() {
        return LooseObjectBatch.of(repository).<ObjectInserter>map(batch -> batch)
                .orElseGet(repository::newObjectInserter);
    }

    /** Writes the tree of {@code base} with {@code changes} applied; answers the tree id. */
    String tree(Optional<String> base, Map<String, Optional<byte[]>> changes) {
        try (ObjectInserter inserter = newInserter()) {
            ObjectId tree = writeTree(base.map(ObjectId::fromString).orElse(null), changes, inserter).id();
            inserter.flush();
            return tree.name();
        } catch (IOException e) {
            throw new StoreException("Could not write a tree", e);
        }
    }

    /** Moves {@code main} from {@code expected} (null: no branch yet) to {@code commit}. */
    void advance(String expected, String commit) throws CommitRejectedException {
        RepositoryOpener.applyJGitDurability(repository);
        try {
            moveBranch(expected == null ? null : ObjectId.fromString(expected), ObjectId.fromString(commit),
                    "follow the central repository");
        } catch (IOException e) {
            throw new StoreException("Could not move the branch", e);
        }
    }

    private WrittenTree writeTree(ObjectId baseId, Map<String, Optional<byte[]>> changes, ObjectInserter inserter)
            throws IOException {
        try (ObjectReader reader = inserter.newReader(); RevWalk walk = new RevWalk(reader)) {
            TreeEdit edit = new TreeEdit(reader, inserter, wideTrees);
            ObjectId tree = edit.write(baseId == null ? null : walk.parseCommit(baseId).getTree(), changes);
            return new WrittenTree(tree, edit.changes());
        }
    }

    /**
     * JGit reports both "the ref moved" and "another process holds the ref's lock" as
     * LOCK_FAILURE; re-reading the ref tells them apart. Lock contention is retried briefly.
     */
    private void moveBranch(ObjectId expected, ObjectId commitId, String message)
            throws IOException, CommitRejectedException {
        for (int attempt = 0; ; attempt++) {
            RefUpdate update = repository.updateRef(ContentStore.BRANCH_REF);
            update.setNewObjectId(commitId);
            update.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
            update.setRefLogMessage("clearinghouse: " + firstLine(message), false);
            RefUpdate.Result result = update.update();
            switch (result) {
                case NEW, FAST_FORWARD, FORCED -> {
                    return;
                }
                case LOCK_FAILURE -> {
                    Ref actual = repository.exactRef(ContentStore.BRANCH_REF);
                    ObjectId actualId = actual == null ? null : actual.getObjectId();
                    boolean moved = expected == null ? actualId != null : !expected.equals(actualId);
                    if (moved) {
                        throw new CommitRejectedException(actualId == null ? "(none)" : actualId.name());
                    }
                    if (attempt >= LOCK_RETRIES) {
                        throw new IOException("The branch stayed locked by another writer");
                    }
                    sleepBriefly(attempt);
                }
                default -> throw new IOException("Could not move the branch: " + result);
            }
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void sleepBriefly(int attempt) throws IOException {
        try {
            Thread.sleep(5L + attempt * 5L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the branch lock", e);
        }
    }
}
