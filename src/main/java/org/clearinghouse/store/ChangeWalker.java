package org.clearinghouse.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Walks a range of commits, oldest first (parents before children), and reports what each
 * changed: the feed of the revision index. It costs in proportion to the commits in the range,
 * so the index walks everything once and afterwards only the commits new since it last looked.
 * Each commit is compared with its first parent, with Git's rename detection; a merge lists only
 * what it changed relative to every parent. Thread-safe (no state beyond the repository).
 */
final class ChangeWalker {
    private final Repository repository;

    ChangeWalker(Repository repository) {
        this.repository = repository;
    }

    /** Reports every commit reachable from {@code to} and not from {@code fromExclusive}. */
    void walk(Optional<String> fromExclusive, String to, Consumer<CommitChanges> sink) {
        DiffConfig diffConfig = repository.getConfig().get(DiffConfig.KEY);
        try (ObjectReader reader = repository.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(walk.parseCommit(ObjectId.fromString(to)));
            if (fromExclusive.isPresent()) {
                walk.markUninteresting(walk.parseCommit(ObjectId.fromString(fromExclusive.get())));
            }
            for (RevCommit commit : walk) {
                sink.accept(changesOf(reader, walk, diffConfig, commit));
            }
        } catch (IOException e) {
            throw new StoreException("Could not walk the commits up to " + to, e);
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

    private CommitChanges changesOf(ObjectReader reader, RevWalk walk, DiffConfig diffConfig, RevCommit commit)
            throws IOException {
        RevCommit parent = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
        List<DiffEntry> entries;
        try (TreeWalk diff = new TreeWalk(reader)) {
            diff.setRecursive(true);
            diff.setFilter(TreeFilter.ANY_DIFF);
            if (parent == null) {
                diff.addTree(new EmptyTreeIterator());
            } else {
                diff.addTree(parent.getTree());
            }
            diff.addTree(commit.getTree());
            entries = DiffEntry.scan(diff);
        }
        boolean merge = commit.getParentCount() > 1;
        if (merge) {
            entries = decidedByMerge(reader, walk, commit, entries);
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

    /** A merge's own decisions: files whose result differs from what every parent had. */
    private static List<DiffEntry> decidedByMerge(ObjectReader reader, RevWalk walk, RevCommit commit,
            List<DiffEntry> againstFirst) throws IOException {
        List<DiffEntry> decided = new ArrayList<>();
        for (DiffEntry entry : againstFirst) {
            String path = entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath();
            ObjectId result = entry.getNewId().toObjectId();
            boolean fromAParent = false;
            for (int p = 1; p < commit.getParentCount() && !fromAParent; p++) {
                RevCommit other = walk.parseCommit(commit.getParent(p));
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
