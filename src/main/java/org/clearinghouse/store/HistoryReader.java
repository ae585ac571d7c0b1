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
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
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

    HistoryReader(Repository repository) {
        this.repository = repository;
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
                RevWalk walk = new RevWalk(reader);
                TreeWalk diff = new TreeWalk(reader)) {
            walk.setRevFilter(RevFilter.ALL);
            walk.markStart(walk.parseCommit(ObjectId.fromString(commitId)));
            diff.setRecursive(true);
            diff.setFilter(TreeFilter.ANY_DIFF);
            for (RevCommit commit = walk.next(); commit != null && !wanted.isEmpty(); commit = walk.next()) {
                diff.reset();
                if (commit.getParentCount() == 0) {
                    diff.addTree(new EmptyTreeIterator());
                } else {
                    diff.addTree(walk.parseCommit(commit.getParent(0)).getTree());
                }
                diff.addTree(commit.getTree());
                Revision revision = null;
                while (diff.next()) {
                    String path = diff.getPathString();
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
        try (ObjectReader reader = repository.newObjectReader();
                RevWalk walk = new RevWalk(reader);
                TreeWalk diff = new TreeWalk(reader)) {
            diff.setRecursive(true);
            diff.setFilter(TreeFilter.ANY_DIFF);
            if (fromCommit.isPresent()) {
                diff.addTree(walk.parseCommit(ObjectId.fromString(fromCommit.get())).getTree());
            } else {
                diff.addTree(new EmptyTreeIterator());
            }
            diff.addTree(walk.parseCommit(ObjectId.fromString(toCommit)).getTree());
            List<FileChange> changes = new ArrayList<>();
            while (diff.next()) {
                changes.add(new FileChange(diff.getPathString(), blobIn(diff, 0), blobIn(diff, 1)));
            }
            return changes;
        } catch (IOException e) {
            throw new StoreException("Could not compare " + fromCommit + " with " + toCommit, e);
        }
    }

    private static Optional<String> blobIn(TreeWalk diff, int tree) {
        ObjectId id = diff.getObjectId(tree);
        return ObjectId.zeroId().equals(id) ? Optional.empty() : Optional.of(id.name());
    }

    static Revision toRevision(RevCommit commit) {
        PersonIdent author = commit.getAuthorIdent();
        OffsetDateTime time = OffsetDateTime.ofInstant(author.getWhenAsInstant(), author.getZoneId());
        return new Revision(commit.name(), new Author(author.getName(), author.getEmailAddress()),
                time, commit.getFullMessage().strip());
    }
}
