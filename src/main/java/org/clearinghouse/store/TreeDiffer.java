package org.clearinghouse.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.clearinghouse.store.RawTree.Entry;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.util.Paths;

/**
 * The files that differ between two trees, recursively: what a {@code TreeWalk} with
 * {@code ANY_DIFF} reports, at a fraction of its cost on wide folders. A wiki keeps thousands of
 * pages in one folder and a commit usually changes one of them; the walk parses and compares
 * every entry of both trees, while this compares the raw tree bytes, skips identical runs with
 * one vectorised {@link Arrays#mismatch}, and parses only the entries that differ (and steps over
 * the identical ones by finding their ends). Not thread-safe: one per reader.
 *
 * <p>A tree entry is {@code <octal mode> SP <name> NUL <20-byte id>}, sorted by name with
 * folders compared as if their name ended in {@code /} ({@link Paths#compare}).
 */
final class TreeDiffer {
    private static final byte[] EMPTY = new byte[0];
    private static final int ID_LENGTH = Constants.OBJECT_ID_LENGTH;
    private static final AbbreviatedObjectId NO_ID = AbbreviatedObjectId.fromObjectId(ObjectId.zeroId());

    private final ObjectReader reader;
    /**
     * The last trees read: walking commits in order, one commit's tree is the next one's parent
     * tree, and re-reading a wide tree means rebuilding it from its delta chain.
     */
    private final ObjectId[] recentIds = new ObjectId[4];
    private final byte[][] recentBytes = new byte[4][];
    private int nextSlot;

    TreeDiffer(ObjectReader reader) {
        this.reader = reader;
    }

    /**
     * The added, deleted and modified files from {@code oldTree} (null: the empty tree) to
     * {@code newTree}, in tree order. Renames are not detected here.
     */
    List<DiffEntry> diff(ObjectId oldTree, ObjectId newTree) throws IOException {
        List<DiffEntry> out = new ArrayList<>();
        diff("", oldTree, newTree, out);
        return out;
    }

    private void diff(String prefix, ObjectId oldTree, ObjectId newTree, List<DiffEntry> out) throws IOException {
        if (oldTree != null && oldTree.equals(newTree)) {
            return;
        }
        byte[] a = bytesOf(oldTree);
        byte[] b = bytesOf(newTree);
        int pa = 0;
        int pb = 0;
        while (pa < a.length || pb < b.length) {
            if (pa < a.length && pb < b.length) {
                int same = Arrays.mismatch(a, pa, a.length, b, pb, b.length);
                if (same < 0) {
                    return; // the rest of both trees is the same bytes
                }
                int skipped = wholeEntries(a, pa, pa + same) - pa;
                pa += skipped;
                pb += skipped;
            }
            Entry left = pa < a.length ? Entry.at(a, pa) : null;
            Entry right = pb < b.length ? Entry.at(b, pb) : null;
            int order = left == null ? 1 : right == null ? -1
                    : Paths.compare(a, left.nameStart(), left.nameEnd(), left.mode(),
                            b, right.nameStart(), right.nameEnd(), right.mode());
            if (order < 0) {
                removed(prefix, a, left, out);
                pa = left.end();
            } else if (order > 0) {
                added(prefix, b, right, out);
                pb = right.end();
            } else {
                changed(prefix, a, left, b, right, out);
                pa = left.end();
                pb = right.end();
            }
        }
    }

    private void removed(String prefix, byte[] tree, Entry entry, List<DiffEntry> out) throws IOException {
        if (entry.isTree()) {
            diff(prefix + entry.name(tree) + "/", entry.id(tree), null, out);
        } else {
            out.add(Change.delete(prefix + entry.name(tree), entry.fileMode(), entry.id(tree)));
        }
    }

    private void added(String prefix, byte[] tree, Entry entry, List<DiffEntry> out) throws IOException {
        if (entry.isTree()) {
            diff(prefix + entry.name(tree) + "/", null, entry.id(tree), out);
        } else {
            out.add(Change.add(prefix + entry.name(tree), entry.fileMode(), entry.id(tree)));
        }
    }

    private void changed(String prefix, byte[] a, Entry left, byte[] b, Entry right, List<DiffEntry> out)
            throws IOException {
        if (left.mode() == right.mode()
                && Arrays.equals(a, left.idStart(), left.end(), b, right.idStart(), right.end())) {
            return;
        }
        if (left.isTree() && right.isTree()) {
            diff(prefix + left.name(a) + "/", left.id(a), right.id(b), out);
        } else if (left.fileMode().getObjectType() != right.fileMode().getObjectType()) {
            // A file that became a link to another repository, or back: two changes, as Git shows it.
            removed(prefix, a, left, out);
            added(prefix, b, right, out);
        } else {
            out.add(Change.modify(prefix + left.name(a), left.fileMode(), left.id(a), right.fileMode(), right.id(b)));
        }
    }

    /** Where the last entry that ends at or before {@code limit} ends, stepping from {@code start}. */
    private static int wholeEntries(byte[] tree, int start, int limit) {
        int at = start;
        while (at < limit) {
            int nul = at;
            while (nul < tree.length && tree[nul] != 0) {
                nul++;
            }
            int end = nul + 1 + ID_LENGTH;
            if (end > limit) {
                break;
            }
            at = end;
        }
        return at;
    }

    private byte[] bytesOf(ObjectId tree) throws IOException {
        if (tree == null) {
            return EMPTY;
        }
        for (int i = 0; i < recentIds.length; i++) {
            if (tree.equals(recentIds[i])) {
                return recentBytes[i];
            }
        }
        byte[] bytes = reader.open(tree, Constants.OBJ_TREE).getCachedBytes();
        int slot = nextSlot;
        nextSlot = (nextSlot + 1) % recentIds.length;
        recentIds[slot] = tree.copy();
        recentBytes[slot] = bytes;
        return bytes;
    }

    /** A {@link DiffEntry} made from raw entries; its fields are only settable by a subclass. */
    private static final class Change extends DiffEntry {
        static Change add(String path, FileMode mode, ObjectId id) {
            Change change = new Change(ChangeType.ADD);
            change.oldPath = DEV_NULL;
            change.oldMode = FileMode.MISSING;
            change.oldId = NO_ID;
            change.newPath = path;
            change.newMode = mode;
            change.newId = AbbreviatedObjectId.fromObjectId(id);
            return change;
        }

        static Change delete(String path, FileMode mode, ObjectId id) {
            Change change = new Change(ChangeType.DELETE);
            change.oldPath = path;
            change.oldMode = mode;
            change.oldId = AbbreviatedObjectId.fromObjectId(id);
            change.newPath = DEV_NULL;
            change.newMode = FileMode.MISSING;
            change.newId = NO_ID;
            return change;
        }

        static Change modify(String path, FileMode oldMode, ObjectId oldId, FileMode newMode, ObjectId newId) {
            Change change = new Change(ChangeType.MODIFY);
            change.oldPath = path;
            change.oldMode = oldMode;
            change.oldId = AbbreviatedObjectId.fromObjectId(oldId);
            change.newPath = path;
            change.newMode = newMode;
            change.newId = AbbreviatedObjectId.fromObjectId(newId);
            return change;
        }

        private Change(ChangeType type) {
            this.changeType = type;
        }
    }
}
