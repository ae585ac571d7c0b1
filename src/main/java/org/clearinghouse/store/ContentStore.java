package org.clearinghouse.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.BlameLine;
import org.clearinghouse.page.Revision;
import org.clearinghouse.page.RevisionNotFoundException;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The content repository as the rest of the engine sees it: read the head, trees, blobs and
 * commits; commit changes by compare-and-swap. Everything in and out is plain Java values (ids as
 * 40-hex strings), so no other package needs JGit.
 *
 * <p>Thread-safe: JGit's {@link Repository} may be read from many threads; each call uses its
 * own {@link ObjectReader}. Writes are serialised by the branch's compare-and-swap, not by a lock
 * here.
 */
public final class ContentStore implements AutoCloseable {

    /** The one branch the wiki reads and writes. */
    public static final String BRANCH_NAME = "main";

    static final String BRANCH_REF = Constants.R_HEADS + BRANCH_NAME;

    private static final Pattern HEX_REVISION = Pattern.compile("[0-9a-fA-F]{4,40}");

    private final Repository repository;
    private final CommitWriter writer;
    private final HistoryReader history;
    private final ChangeWalker walker;
    private final BlameReader blamer;

    private ContentStore(Repository repository) {
        this.repository = repository;
        RecentDiffs recent = new RecentDiffs();
        this.writer = new CommitWriter(repository, recent);
        this.history = new HistoryReader(repository, recent);
        this.walker = new ChangeWalker(repository, recent);
        this.blamer = new BlameReader(repository);
    }

    /**
     * Opens the existing repository at {@code gitDir} for a command that may run beside the
     * server (export, import): it creates nothing and leaves lock files alone, since they may
     * belong to the running server. Its commits still move the branch by compare-and-swap.
     *
     * @throws StoreException when there is no repository at {@code gitDir}
     */
    public static ContentStore openExisting(Path gitDir) {
        try {
            return new ContentStore(RepositoryOpener.openShared(gitDir));
        } catch (IOException e) {
            throw new StoreException("There is no content repository at " + gitDir, e);
        }
    }

    /**
     * Opens the bare repository at {@code gitDir}. When it does not exist yet, creates it and
     * commits every page and attachment of {@code seedDir} as the first commit.
     */
    public static ContentStore openOrSeed(Path gitDir, Path seedDir) {
        return openOrSeed(gitDir, seedDir, Optional.empty());
    }

    /**
     * Like {@link #openOrSeed(Path, Path)}, but a new repository that shares a central one
     * starts from the central {@code main} when it has one (a second instance joins the wiki
     * rather than seeding a rival history); only an empty central repository is seeded.
     */
    public static ContentStore openOrSeed(Path gitDir, Path seedDir, Optional<String> centralUrl) {
        try {
            ContentStore store = new ContentStore(RepositoryOpener.openOrCreate(gitDir));
            if (store.head().isEmpty() && centralUrl.isPresent()) {
                Optional<String> central = new CentralRemote(store, centralUrl.get()).fetch();
                if (central.isPresent()) {
                    store.writer.advance(null, central.get());
                }
            }
            if (store.head().isEmpty()) {
                Map<String, byte[]> files = SeedImporter.read(seedDir);
                Map<String, Optional<byte[]>> changes = new LinkedHashMap<>();
                files.forEach((path, bytes) -> changes.put(path, Optional.of(bytes)));
                store.commit(Optional.empty(), changes, CommitWriter.COMMITTER,
                        "Import the seed content from " + seedDir.getFileName());
            }
            return store;
        } catch (IOException e) {
            throw new StoreException("Could not open the content repository " + gitDir, e);
        } catch (CommitRejectedException e) {
            throw new StoreException("Another process seeded the repository at the same time", e);
        }
    }

    /** The commit {@code main} points at, or empty for a repository with no commit yet. */
    public Optional<String> head() {
        try {
            Ref ref = repository.exactRef(BRANCH_REF);
            return ref == null || ref.getObjectId() == null
                    ? Optional.empty()
                    : Optional.of(ref.getObjectId().name());
        } catch (IOException e) {
            throw new StoreException("Could not read the branch " + BRANCH_NAME, e);
        }
    }

    /**
     * Resolves a revision as a user typed it (4 to 40 hex digits) to the full id of a commit.
     *
     * @throws RevisionNotFoundException when it is malformed, ambiguous or names no commit
     */
    public String resolveCommit(String revision) {
        if (revision == null || !HEX_REVISION.matcher(revision).matches()) {
            throw new RevisionNotFoundException("A revision is 4 to 40 hexadecimal digits.");
        }
        try (ObjectReader reader = repository.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            ObjectId id;
            if (revision.length() == 40) {
                id = ObjectId.fromString(revision.toLowerCase());
            } else {
                var candidates = reader.resolve(AbbreviatedObjectId.fromString(revision.toLowerCase()));
                if (candidates.size() != 1) {
                    throw new RevisionNotFoundException(candidates.isEmpty()
                            ? "No revision " + revision + " exists in this wiki."
                            : "The revision " + revision + " is ambiguous; give more digits.");
                }
                id = candidates.iterator().next();
            }
            return walk.parseCommit(id).name();
        } catch (MissingObjectException | AmbiguousObjectException
                | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            throw new RevisionNotFoundException("No revision " + revision + " exists in this wiki.");
        } catch (IOException e) {
            throw new StoreException("Could not resolve revision " + revision, e);
        }
    }

    /** True when {@code commitId} (40 hex digits) names a commit in this repository. */
    public boolean hasCommit(String commitId) {
        try {
            return resolveCommit(commitId).equals(commitId);
        } catch (RevisionNotFoundException e) {
            return false;
        }
    }

    /** Every file of a commit's tree with its blob id. */
    public TreeListing tree(String commitId) {
        try (ObjectReader reader = repository.newObjectReader();
                RevWalk walk = new RevWalk(reader);
                TreeWalk tree = new TreeWalk(reader)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(commitId));
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            Map<String, String> files = new LinkedHashMap<>();
            while (tree.next()) {
                files.put(tree.getPathString(), tree.getObjectId(0).name());
            }
            return new TreeListing(commit.name(), files);
        } catch (IOException e) {
            throw new StoreException("Could not read the tree of " + commitId, e);
        }
    }

    /** The blob id of {@code path} in a commit's tree, or empty when the file is not there. */
    public Optional<String> blobIdAt(String commitId, String path) {
        try (ObjectReader reader = repository.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(commitId));
            try (TreeWalk found = TreeWalk.forPath(reader, path, commit.getTree())) {
                return found == null ? Optional.empty() : Optional.of(found.getObjectId(0).name());
            }
        } catch (IOException e) {
            throw new StoreException("Could not read " + path + " at " + commitId, e);
        }
    }

    /** The bytes of a blob. */
    public byte[] blob(String blobId) {
        try (ObjectReader reader = repository.newObjectReader()) {
            return new BlobReader(reader).blob(blobId);
        }
    }

    /** Who made a commit, when, and why. */
    public Revision revision(String commitId) {
        return history.revision(commitId);
    }

    /** The newest commit at or before {@code commitId} that changed {@code path}. */
    public Optional<Revision> lastChange(String commitId, String path) {
        return history.lastChange(commitId, path);
    }

    /**
     * For each of {@code paths}, the newest commit at or before {@code commitId} that changed it,
     * found in one walk of the history that stops once every path is found.
     */
    public Map<String, Revision> lastChanges(String commitId, Set<String> paths) {
        return history.lastChanges(commitId, paths);
    }

    /** The files that differ between two commits' trees (either may be empty: the empty tree). */
    public List<FileChange> diff(Optional<String> fromCommit, String toCommit) {
        return history.diff(fromCommit, toCommit);
    }

    /**
     * Reports, oldest first (parents before children), every commit reachable from
     * {@code toCommit} but not from {@code fromExclusive} (the whole history when empty), with
     * the files each changed and renames detected. Costs in proportion to the commits reported.
     */
    public void walkChanges(Optional<String> fromExclusive, String toCommit, Consumer<CommitChanges> sink) {
        walker.walk(fromExclusive, toCommit, sink);
    }

    /**
     * Like {@link #walkChanges(Optional, String, Consumer)}, with {@code prepare} applied to each
     * commit on the threads that diff (a long walk uses several): it must be thread-safe, and
     * reads the files it needs through the {@link BlobReader} it is given (that thread's). The
     * sink still gets the results in order, one at a time, on the calling thread.
     */
    public <T> void walkChanges(Optional<String> fromExclusive, String toCommit,
            java.util.function.BiFunction<CommitChanges, BlobReader, T> prepare, Consumer<T> sink) {
        walker.walk(fromExclusive, toCommit, prepare, sink);
    }

    /** True when {@code ancestor} (40 hex) is {@code descendant} or reachable from it. */
    public boolean isAncestor(String ancestor, String descendant) {
        return walker.isAncestor(ancestor, descendant);
    }

    /** Each line of {@code path} at {@code commitId} with the commit that last changed it; empty when absent. */
    public Optional<List<BlameLine>> blame(String commitId, String path) {
        return blamer.blame(commitId, path);
    }

    /**
     * The unified diff {@code git diff} would print for one file between two commits. The file
     * may have another path at each side (a rename), or be absent at one (an empty path, or a
     * path not in that commit's tree): then it shows as added or deleted.
     */
    public String unifiedDiff(String fromCommit, Optional<String> fromPath, String toCommit, Optional<String> toPath) {
        return UnifiedDiff.format(side(fromCommit, fromPath), side(toCommit, toPath));
    }

    private Optional<UnifiedDiff.Side> side(String commitId, Optional<String> path) {
        return path.flatMap(p -> blobIdAt(commitId, p).map(blob -> new UnifiedDiff.Side(p, blob, blob(blob))));
    }

    /**
     * Commits {@code changes} (path to new bytes, or empty to delete) on top of {@code base} and
     * moves {@code main} to the new commit only if it still points at {@code base}.
     *
     * @param base the commit the change was built on; empty for the first commit
     * @return the new commit's id
     * @throws CommitRejectedException when {@code main} no longer points at {@code base}
     */
    public String commit(Optional<String> base, Map<String, Optional<byte[]>> changes,
            Author author, String message) throws CommitRejectedException {
        return writer.commit(base, changes, author, message);
    }

    /** Writes the tree of {@code base} with {@code changes} applied, without committing. */
    String treeWith(String base, Map<String, Optional<byte[]>> changes) {
        return writer.tree(Optional.of(base), changes);
    }

    /**
     * Moves {@code main} from {@code expected} to {@code commit} (a fast-forward to the central
     * repository, or a merge with it) by compare-and-swap.
     *
     * @throws CommitRejectedException when {@code main} no longer points at {@code expected}
     */
    public void advance(String expected, String commit) throws CommitRejectedException {
        writer.advance(expected, commit);
    }

    /**
     * A merge commit joining {@code local} and {@code central} (file by file, three-way), not yet
     * on the branch; with the files where both changed the same lines (kept as the local text).
     */
    public MergeResult mergeWithCentral(String local, String central, Author committer) {
        MergeWriter.Outcome outcome = new MergeWriter(this).merge(local, central, committer);
        return new MergeResult(outcome.commit(), outcome.conflicts());
    }

    /** A merge commit and the files left in conflict. */
    public record MergeResult(String commit, List<String> conflicts) {}

    /** The JGit repository, for the Git transport in this package. */
    Repository repository() {
        return repository;
    }

    /** The folder of the bare repository. */
    public Path directory() {
        return repository.getDirectory().toPath();
    }

    @Override
    public void close() {
        repository.close();
    }
}
