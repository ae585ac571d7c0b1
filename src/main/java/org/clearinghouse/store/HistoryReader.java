package org.clearinghouse.store;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.Revision;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Reads commits and what they changed. These walks cost in proportion to the history they
 * cover; the wiki runs the whole-history one once per start and answers everything after that
 * from its snapshot.
 */
final class HistoryReader {
    private final Repository repository;
    private final RecentDiffs recent;

    HistoryReader(Repository repository, RecentDiffs recent) {
        this.repository = repository;
        this.recent = recent;
    }

    Revision revision(String commitId) {
        try (RevWalk walk = new RevWalk(repository)) {
            return toRevision(walk.parseCommit(ObjectId.fromString(commitId)));
        } catch (IOException e) {
            throw new StoreException("Could not read commit " + commitId, e);
        }
    }

    Optional<Revision> lastChange(String commitId, String path) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(path), TreeFilter.ANY_DIFF));
            walk.markStart(walk.parseCommit(ObjectId.fromString(commitId)));
            RevCommit found = walk.next();
            return Optional.ofNullable(found).map(HistoryReader::toRevision);
        } catch (IOException e) {
            throw new StoreException("Could not read the history of " + path, e);
        }
    }

    Map<String, Revision> lastChanges(String commitId, Set<String> paths) {
        Map<String, Revision> found = new HashMap<>();
        Set<String> wanted = new HashSet<>(paths);
        try (ObjectReader reader = repository.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            TreeDiffer differ = new TreeDiffer(reader);
            walk.setRevFilter(RevFilter.ALL);
            walk.markStart(walk.parseCommit(ObjectId.fromString(commitId)));
            for (RevCommit commit = walk.next(); commit != null && !wanted.isEmpty(); commit = walk.next()) {
                Optional<List<FileChange>> known = commit.getParentCount() == 1
                        ? recent.find(commit.getParent(0).name(), commit.name()) : Optional.empty();
                if (known.isPresent()) {
                    Revision revision = toRevision(commit);
                    known.get().stream().map(FileChange::path).filter(wanted::remove)
                            .forEach(path -> found.put(path, revision));
                    continue;
                }
                RevCommit parent = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
                Revision revision = null;
                for (DiffEntry entry : differ.diff(parent == null ? null : parent.getTree(), commit.getTree())) {
                    String path = pathOf(entry);
                    if (wanted.remove(path)) {
                        if (revision == null) {
                            revision = toRevision(commit);
                        }
                        found.put(path, revision);
                    }
                }
            }
            return found;
        } catch (IOException e) {
            throw new StoreException("Could not walk the history of " + commitId, e);
        }
    }

    List<FileChange> diff(Optional<String> fromCommit, String toCommit) {
        Optional<List<FileChange>> known = fromCommit.flatMap(from -> recent.find(from, toCommit));
        if (known.isPresent()) {
            return known.get();
        }
        try (ObjectReader reader = repository.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            ObjectId from = fromCommit.isPresent()
                    ? walk.parseCommit(ObjectId.fromString(fromCommit.get())).getTree() : null;
            ObjectId to = walk.parseCommit(ObjectId.fromString(toCommit)).getTree();
            List<FileChange> changes = new ArrayList<>();
            for (DiffEntry entry : new TreeDiffer(reader).diff(from, to)) {
                changes.add(new FileChange(pathOf(entry), blobOf(entry.getOldId()), blobOf(entry.getNewId())));
            }
            return changes;
        } catch (IOException e) {
            throw new StoreException("Could not compare " + fromCommit + " with " + toCommit, e);
        }
    }

    private static String pathOf(DiffEntry entry) {
        return entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath();
    }

    private static Optional<String> blobOf(AbbreviatedObjectId id) {
        ObjectId full = id.toObjectId();
        return ObjectId.zeroId().equals(full) ? Optional.empty() : Optional.of(full.name());
    }

    static Revision toRevision(RevCommit commit) {
        PersonIdent author = commit.getAuthorIdent();
        OffsetDateTime time = OffsetDateTime.ofInstant(author.getWhenAsInstant(), author.getZoneId());
        return new Revision(commit.name(), new Author(author.getName(), author.getEmailAddress()),
                time, commit.getFullMessage().strip());
    }
}
