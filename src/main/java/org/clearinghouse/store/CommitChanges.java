package org.clearinghouse.store;

import java.util.List;
import java.util.Optional;
import org.clearinghouse.page.Revision;

/**
 * One commit and the files it changed against its first parent. For a merge only the files
 * that differ from every parent are listed: what the merge itself decided, since the changes it
 * brought in are already listed under the commits that made them.
 *
 * @param revision the commit: id, author, time with offset, message
 * @param parent the first parent; empty for a root commit
 * @param merge true when the commit has more than one parent
 * @param changes the files changed, sorted by path
 */
public record CommitChanges(Revision revision, Optional<String> parent, boolean merge, List<PathChange> changes) {
    public CommitChanges {
        changes = List.copyOf(changes);
    }
}
