package org.clearinghouse.store;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.BiFunction;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Walks a range of commits, oldest first (parents before children), and reports what each
 * changed: the feed of the revision index. It costs in proportion to the commits in the range,
 * so the index walks everything once and afterwards only the commits new since it last looked.
 * Each commit is compared with its first parent, with Git's rename detection; a merge lists only
 * what it changed relative to every parent. Thread-safe (no state beyond the repository).
 */
final class ChangeWalker {
    /** Below this many commits (a save, a push) one thread is quicker than starting several. */
    private static final int PARALLEL_FROM = 256;
    private static final int MAX_THREADS = 4;
    /** Commits one thread diffs in a row: long enough for its delta cache, short enough to stream. */
    private static final int RUN_LENGTH = 500;
    private final Repository repository;
    private final RecentDiffs recent;

    ChangeWalker(Repository repository, RecentDiffs recent) {
        this.repository = repository;
        this.recent = recent;
    }

    /**
     * Reports every commit reachable from {@code to} and not from {@code fromExclusive}. A long
     * range (a rebuild walks the whole history) is diffed on several threads, each with its own
     * reader, in contiguous runs so each keeps its delta cache warm; the sink still gets the
     * commits one at a time, in order, on the calling thread.
     */
    void walk(Optional<String> fromExclusive, String to, Consumer<CommitChanges> sink) {
        walk(fromExclusive, to, (changes, blobs) -> changes, sink);
    }

    /**
     * Like {@link #walk(Optional, String, Consumer)}, turning each commit's changes into what the
     * sink wants with {@code prepare} on the diffing threads (so reading the changed files, say,
     * is spread over them too); {@code prepare} must be thread-safe. Each thread reads blobs
     * through a reader of its own, apart from the one reading trees: a wide tree is a megabyte
     * and would push the blobs' delta bases out of a shared reader's cache.
     */
    <T> void walk(Optional<String> fromExclusive, String to, BiFunction<CommitChanges, BlobReader, T> prepare,
            Consumer<T> sink) {
        DiffConfig diffConfig = repository.getConfig().get(DiffConfig.KEY);
        try (ObjectReader reader = repository.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(walk.parseCommit(ObjectId.fromString(to)));
            if (fromExclusive.isPresent()) {
                walk.markUninteresting(walk.parseCommit(ObjectId.fromString(fromExclusive.get())));
            }
            List<RevCommit> commits = new ArrayList<>();
            for (RevCommit commit : walk) {
                for (RevCommit parent : commit.getParents()) {
                    walk.parseHeaders(parent); // the diffing threads must not touch the walk
                }
                commits.add(commit);
            }
            int threads = commits.size() < PARALLEL_FROM ? 1
                    : Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
            if (threads == 1) {
                try (PackedDeltas deltas = PackedDeltas.of(repository);
                        ObjectReader blobReader = repository.newObjectReader()) {
                    TreeDiffer differ = new TreeDiffer(reader, deltas);
                    BlobReader blobs = new BlobReader(blobReader);
                    for (RevCommit commit : commits) {
                        sink.accept(prepare.apply(changesOf(differ, reader, diffConfig, commit), blobs));
                    }
                }
            } else {
                walkInParallel(commits, diffConfig, threads, prepare, sink);
            }
        } catch (IOException e) {
            throw new StoreException("Could not walk the commits up to " + to, e);
        }
    }

    private <T> void walkInParallel(List<RevCommit> commits, DiffConfig diffConfig, int threads,
            BiFunction<CommitChanges, BlobReader, T> prepare, Consumer<T> sink) throws IOException {
        List<ObjectReader> readers = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<ObjectReader> readerOfThread = ThreadLocal.withInitial(() -> {
            ObjectReader reader = repository.newObjectReader();
            readers.add(reader);
            return reader;
        });
        List<PackedDeltas> deltas = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<TreeDiffer> differOfThread = ThreadLocal.withInitial(() -> {
            PackedDeltas own = PackedDeltas.of(repository);
            if (own != null) {
                deltas.add(own);
            }
            return new TreeDiffer(readerOfThread.get(), own);
        });
        ThreadLocal<BlobReader> blobsOfThread = ThreadLocal.withInitial(() -> {
            ObjectReader reader = repository.newObjectReader();
            readers.add(reader);
            return new BlobReader(reader);
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "history-walk");
            thread.setDaemon(true);
            return thread;
        });
        try (ObjectReader ownReader = repository.newObjectReader();
                ObjectReader ownBlobReader = repository.newObjectReader();
                PackedDeltas ownDeltas = PackedDeltas.of(repository)) {
            TreeDiffer ownDiffer = new TreeDiffer(ownReader, ownDeltas);
            BlobReader ownBlobs = new BlobReader(ownBlobReader);
            int run = Math.max(1, Math.min(RUN_LENGTH, (commits.size() + threads - 1) / threads));
            // A few runs ahead of the sink, not all of them: finished runs wait in memory.
            Deque<Run<T>> pending = new ArrayDeque<>();
            int next = 0;
            while (next < commits.size() || !pending.isEmpty()) {
                while (next < commits.size() && pending.size() < 2 * threads) {
                    List<RevCommit> slice = commits.subList(next, Math.min(commits.size(), next + run));
                    pending.add(new Run<>(slice, pool.submit(() -> diffAll(slice, differOfThread.get(),
                            readerOfThread.get(), blobsOfThread.get(), diffConfig, prepare))));
                    next += slice.size();
                }
                Run<T> oldest = pending.removeFirst();
                List<T> changes;
                try {
                    changes = oldest.result().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof LargeObjectException)) {
                        throw e;
                    }
                    // A large tree did not fit beside the other threads' work (or zlib held the heap
                    // too long): this run again, alone, on the caller's thread.
                    changes = diffAll(oldest.commits(), ownDiffer, ownReader, ownBlobs, diffConfig, prepare);
                }
                changes.forEach(sink);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while walking the history", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            readers.forEach(ObjectReader::close);
            deltas.forEach(PackedDeltas::close);
        }
    }

    /** True when {@code ancestor} is {@code descendant} or one of its ancestors. */
    boolean isAncestor(String ancestor, String descendant) {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(ancestor)),
                    walk.parseCommit(ObjectId.fromString(descendant)));
        } catch (IOException e) {
            throw new StoreException("Could not compare " + ancestor + " with " + descendant, e);
        }
    }

    /** A slice of the commits and the diffs a pool thread is making of them. */
    private record Run<T>(List<RevCommit> commits, Future<List<T>> result) {}

    private <T> List<T> diffAll(List<RevCommit> slice, TreeDiffer differ, ObjectReader reader, BlobReader blobs,
            DiffConfig diffConfig, BiFunction<CommitChanges, BlobReader, T> prepare) throws IOException {
        List<T> changes = new ArrayList<>(slice.size());
        for (RevCommit commit : slice) {
            changes.add(prepare.apply(changesOf(differ, reader, diffConfig, commit), blobs));
        }
        return changes;
    }

    /** Needs the commit's parents parsed: it runs on any thread and must not use the walk. */
    private CommitChanges changesOf(TreeDiffer differ, ObjectReader reader, DiffConfig diffConfig,
            RevCommit commit) throws IOException {
        RevCommit parent = commit.getParentCount() == 0 ? null : commit.getParent(0);
        Optional<List<FileChange>> recorded = commit.getParentCount() == 1
                ? recent.find(parent.name(), commit.name()) : Optional.empty();
        Optional<List<PathChange>> known = recorded.isPresent() ? withoutRenames(reader, recorded.get())
                : Optional.empty();
        if (known.isPresent()) {
            return new CommitChanges(HistoryReader.toRevision(commit), Optional.of(parent.name()), false,
                    known.get());
        }
        List<DiffEntry> entries = differ.diff(parent == null ? null : parent.getTree(), commit.getTree());
        boolean merge = commit.getParentCount() > 1;
        if (merge) {
            entries = decidedByMerge(reader, commit, entries);
        } else {
            RenameDetector renames = new RenameDetector(reader, diffConfig);
            renames.addAll(entries);
            try {
                entries = renames.compute(reader, NullProgressMonitor.INSTANCE);
            } catch (org.eclipse.jgit.api.errors.CanceledException e) {
                throw new IOException("Rename detection was cancelled", e);
            }
        }
        List<PathChange> changes = new ArrayList<>();
        for (DiffEntry entry : entries) {
            if (isFile(entry.getOldMode()) || isFile(entry.getNewMode())) {
                changes.add(toChange(reader, entry));
            }
        }
        changes.sort(Comparator.comparing(PathChange::path));
        return new CommitChanges(HistoryReader.toRevision(commit),
                Optional.ofNullable(parent).map(RevCommit::name), merge, changes);
    }

    /**
     * The changes of a commit already known to the store (one it wrote), without comparing trees
     * again, when rename detection could find nothing in them: no file both went away and appeared.
     */
    private static Optional<List<PathChange>> withoutRenames(ObjectReader reader, List<FileChange> files)
            throws IOException {
        boolean adds = files.stream().anyMatch(f -> f.oldBlobId().isEmpty());
        boolean deletes = files.stream().anyMatch(FileChange::isDelete);
        if (adds && deletes) {
            return Optional.empty();
        }
        List<PathChange> changes = new ArrayList<>();
        for (FileChange file : files) {
            Optional<String> oldPath = file.oldBlobId().map(blob -> file.path());
            Optional<String> newPath = file.newBlobId().map(blob -> file.path());
            PathChange.Type type = oldPath.isEmpty() ? PathChange.Type.ADD
                    : newPath.isEmpty() ? PathChange.Type.DELETE : PathChange.Type.MODIFY;
            changes.add(new PathChange(type, oldPath, newPath, blobSize(reader, file.oldBlobId()),
                    blobSize(reader, file.newBlobId()), file.oldBlobId(), file.newBlobId()));
        }
        changes.sort(Comparator.comparing(PathChange::path));
        return Optional.of(changes);
    }

    private static long blobSize(ObjectReader reader, Optional<String> blobId) throws IOException {
        return blobId.isEmpty() ? 0 : reader.getObjectSize(ObjectId.fromString(blobId.get()), Constants.OBJ_BLOB);
    }

    /** A merge's own decisions: files whose result differs from what every parent had. */
    private static List<DiffEntry> decidedByMerge(ObjectReader reader, RevCommit commit,
            List<DiffEntry> againstFirst) throws IOException {
        List<DiffEntry> decided = new ArrayList<>();
        for (DiffEntry entry : againstFirst) {
            String path = entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath();
            ObjectId result = entry.getNewId().toObjectId();
            boolean fromAParent = false;
            for (int p = 1; p < commit.getParentCount() && !fromAParent; p++) {
                RevCommit other = commit.getParent(p);
                try (TreeWalk found = TreeWalk.forPath(reader, path, other.getTree())) {
                    ObjectId there = found == null ? ObjectId.zeroId() : found.getObjectId(0);
                    fromAParent = there.equals(result);
                }
            }
            if (!fromAParent) {
                decided.add(entry);
            }
        }
        return decided;
    }

    private static PathChange toChange(ObjectReader reader, DiffEntry entry) throws IOException {
        Optional<String> oldPath = Optional.of(entry.getOldPath()).filter(p -> !DiffEntry.DEV_NULL.equals(p));
        Optional<String> newPath = Optional.of(entry.getNewPath()).filter(p -> !DiffEntry.DEV_NULL.equals(p));
        long oldSize = size(reader, entry.getOldId().toObjectId(), entry.getOldMode());
        long newSize = size(reader, entry.getNewId().toObjectId(), entry.getNewMode());
        PathChange.Type type = switch (entry.getChangeType()) {
            case ADD -> PathChange.Type.ADD;
            case MODIFY -> PathChange.Type.MODIFY;
            case DELETE -> PathChange.Type.DELETE;
            case RENAME -> PathChange.Type.RENAME;
            // A copy leaves its source in place: for the copy's own history it is a new file.
            case COPY -> PathChange.Type.ADD;
        };
        Optional<String> oldBlob = oldPath.map(p -> entry.getOldId().name());
        Optional<String> newBlob = newPath.map(p -> entry.getNewId().name());
        if (entry.getChangeType() == DiffEntry.ChangeType.COPY) {
            return new PathChange(type, Optional.empty(), newPath, 0, newSize, Optional.empty(), newBlob);
        }
        return new PathChange(type, oldPath, newPath, oldSize, newSize, oldBlob, newBlob);
    }

    private static long size(ObjectReader reader, ObjectId id, FileMode mode) throws IOException {
        if (ObjectId.zeroId().equals(id) || !isFile(mode)) {
            return 0;
        }
        return reader.getObjectSize(id, Constants.OBJ_BLOB);
    }

    private static boolean isFile(FileMode mode) {
        return mode != null && (mode.getObjectType() == Constants.OBJ_BLOB);
    }
}
