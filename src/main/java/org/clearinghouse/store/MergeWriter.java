package org.clearinghouse.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.page.Author;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/**
 * Joins the local and central histories when both moved: a merge commit with both as parents,
 * whose files are merged one by one (three-way, against the common ancestor). Where both sides
 * changed the same lines, the local text is kept in the tree and the central one stays in the
 * second parent — nothing is lost — and the file is reported as a conflict for an admin.
 */
final class MergeWriter {
    private final ContentStore store;

    MergeWriter(ContentStore store) {
        this.store = store;
    }

    /** The merge commit (not yet on any branch) and the files left in conflict. */
    record Outcome(String commit, List<String> conflicts) {}

    Outcome merge(String local, String central, Author committer) {
        Repository repository = store.repository();
        try (RevWalk walk = new RevWalk(repository); ObjectInserter inserter = repository.newObjectInserter()) {
            RevCommit ours = walk.parseCommit(ObjectId.fromString(local));
            RevCommit theirs = walk.parseCommit(ObjectId.fromString(central));
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(ours);
            walk.markStart(theirs);
            RevCommit base = walk.next();
            Map<String, String> baseFiles = base == null ? Map.of() : store.tree(base.name()).files();
            Map<String, String> ourFiles = store.tree(local).files();
            Map<String, String> theirFiles = store.tree(central).files();
            Map<String, Optional<byte[]>> changes = new HashMap<>();
            List<String> conflicts = new ArrayList<>();
            for (Map.Entry<String, String> their : theirFiles.entrySet()) {
                String path = their.getKey();
                String baseBlob = baseFiles.get(path);
                String ourBlob = ourFiles.get(path);
                if (their.getValue().equals(ourBlob) || their.getValue().equals(baseBlob)) {
                    continue; // same on both sides, or only we changed it
                }
                if (ourBlob == null ? baseBlob == null : ourBlob.equals(baseBlob)) {
                    changes.put(path, Optional.of(store.blob(their.getValue()))); // only they changed it
                    continue;
                }
                TextMerge.Result merged = TextMerge.merge(text(baseBlob), text(ourBlob), text(their.getValue()));
                if (merged.conflicted()) {
                    conflicts.add(path);
                } else {
                    changes.put(path, Optional.of(merged.text().getBytes(StandardCharsets.UTF_8)));
                }
            }
            for (String path : baseFiles.keySet()) {
                if (!theirFiles.containsKey(path) && baseFiles.get(path).equals(ourFiles.get(path))) {
                    changes.put(path, Optional.empty()); // they deleted it and we did not touch it
                }
            }
            String tree = store.treeWith(local, changes);
            Instant now = Instant.now();
            PersonIdent ident = new PersonIdent(committer.name(), committer.email(), now, ZoneId.systemDefault());
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(ObjectId.fromString(tree));
            commit.setParentIds(ours, theirs);
            commit.setAuthor(ident);
            commit.setCommitter(ident);
            commit.setMessage("Merge the central repository\n"
                    + (conflicts.isEmpty() ? "" : "\nConflicts kept with the local text:\n  " + String.join("\n  ", conflicts) + "\n"));
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return new Outcome(id.name(), conflicts);
        } catch (IOException e) {
            throw new StoreException("Could not merge the central repository", e);
        }
    }

    private String text(String blobId) {
        return blobId == null ? "" : new String(store.blob(blobId), StandardCharsets.UTF_8);
    }
}
