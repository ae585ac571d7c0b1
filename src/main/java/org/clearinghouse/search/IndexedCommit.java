package org.clearinghouse.search;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.clearinghouse.page.ChangeKind;
import org.clearinghouse.page.Revision;

/**
 * One commit as the revision index takes it in: who, when, why, and what it did to each page.
 * A commit that changed no page is indexed too (as a marker), so any commit can be a cursor.
 *
 * @param revision the commit: id, author, time with offset, message
 * @param parent   its first parent; empty for a root commit
 * @param changes  one entry per page changed (a rename gives two: rename-from and rename-to)
 */
public record IndexedCommit(Revision revision, Optional<String> parent, List<Change> changes) {
    public IndexedCommit {
        Objects.requireNonNull(revision, "revision");
        parent = parent == null ? Optional.empty() : parent;
        changes = List.copyOf(changes);
    }

    /**
     * What one commit did to one page.
     *
     * @param path      the page's name (not its file name)
     * @param kind      add, modify, delete, rename-from or rename-to
     * @param otherPath for rename-from the new name, for rename-to the old one; else empty
     * @param sizeDelta bytes gained (negative when the page shrank)
     * @param tags      the page's tags after the change (before it, for a delete or rename-from)
     */
    public record Change(String path, ChangeKind kind, Optional<String> otherPath, long sizeDelta, List<String> tags) {
        public Change {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(kind, "kind");
            otherPath = otherPath == null ? Optional.empty() : otherPath;
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }
}
