package org.clearinghouse.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.page.BlameLine;
import org.clearinghouse.page.Revision;
import org.eclipse.jgit.api.BlameCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * {@code git blame} on the bare repository: for each line of a file at a commit, the commit that
 * last changed it, following renames. Like Git's, it walks back only as far as the file's oldest
 * surviving line. Thread-safe (a new command per call).
 */
final class BlameReader {
    private final Repository repository;

    BlameReader(Repository repository) {
        this.repository = repository;
    }

    /** The blamed lines of {@code path} at {@code commitId}; empty when the file is not there. */
    Optional<List<BlameLine>> blame(String commitId, String path) {
        try {
            BlameResult result = new BlameCommand(repository)
                    .setStartCommit(ObjectId.fromString(commitId))
                    .setFilePath(path)
                    .setFollowFileRenames(true)
                    .call();
            if (result == null) {
                return Optional.empty();
            }
            result.computeAll();
            RawText text = result.getResultContents();
            Map<String, Revision> revisions = new HashMap<>();
            List<BlameLine> lines = new ArrayList<>(text.size());
            for (int i = 0; i < text.size(); i++) {
                RevCommit source = result.getSourceCommit(i);
                // A line with no source found (should not happen once computed) is put on the start commit.
                Revision revision = source == null
                        ? revisions.computeIfAbsent(commitId, this::revisionOf)
                        : revisions.computeIfAbsent(source.name(), id -> HistoryReader.toRevision(source));
                String sourcePath = result.getSourcePath(i) == null ? path : result.getSourcePath(i);
                lines.add(new BlameLine(i + 1, text.getString(i), revision, sourcePath));
            }
            return Optional.of(lines);
        } catch (GitAPIException | java.io.IOException e) {
            throw new StoreException("Could not blame " + path + " at " + commitId, e);
        }
    }

    private Revision revisionOf(String commitId) {
        return new HistoryReader(repository, new RecentDiffs()).revision(commitId);
    }
}
