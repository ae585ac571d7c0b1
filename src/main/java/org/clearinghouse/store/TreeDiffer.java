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
 * one vectorised {@link Arrays#mismatch}, and parses only the entries that differ. Stepping over
 * the identical entries needs to know where entries start; scanning for that was most of a
 * history walk's time (a wide tree is a megabyte), so each tree read keeps an index of its entry
 * starts, and the new tree of a diff gets its index from the old one's plus the entries that
 * differ: walking commits in order, every tree but the first is indexed without a scan.
 * Not thread-safe: one per reader.
 *
 * <p>A tree entry is {@code <octal mode> SP <name> NUL <20-byte id>}, sorted by name with
 * folders compared as if their name ended in {@code /} ({@link Paths#compare}).
 */
final class TreeDiffer {
    private static final AbbreviatedObjectId NO_ID = AbbreviatedObjectId.fromObjectId(ObjectId.zeroId());

    private final ObjectReader reader;
    /** Null when trees are read through JGit only. */
    private final PackedDeltas deltas;
    /**
     * The last trees read: walking commits in order, one commit's tree is the next one's parent
     * tree, and re-reading a wide tree means rebuilding it from its delta chain.
     */
    private final ObjectId[] recentIds = new ObjectId[4];
    private final Tree[] recentTrees = new Tree[4];
    private int nextSlot;
    /**
     * A tree's bytes this differ made and no longer holds, for the next tree of the same size to
     * be written into: a wide tree is a humongous allocation. Freed only between diffs, since a
     * tree pushed out of {@link #recentTrees} mid-diff may still be being compared.
     */
    private byte[] spare;
    private byte[] freedInThisDiff;
    /** How many trees were rebuilt from a held one (the rest came from JGit); for tests. */
    private int rebuilt;

    /** A differ that reads every tree through JGit. */
    TreeDiffer(ObjectReader reader) {
        this(reader, null);
    }

    /**
     * A differ that rebuilds a packed tree from the tree it holds when that is its delta base
     * ({@code deltas}, see {@link PackedDeltas}), and reads the rest through {@code reader}.
     */
    TreeDiffer(ObjectReader reader, PackedDeltas deltas) {
        this.reader = reader;
        this.deltas = deltas;
    }

    /** How many of the trees read were rebuilt from a tree held here rather than read through JGit. */
    int treesRebuilt() {
        return rebuilt;
    }

    /**
     * The added, deleted and modified files from {@code oldTree} (null: the empty tree) to
     * {@code newTree}, in tree order. Renames are not detected here.
     */
    List<DiffEntry> diff(ObjectId oldTree, ObjectId newTree) throws IOException {
        List<DiffEntry> out = new ArrayList<>();
        try {
            diff("", oldTree, newTree, out);
        } finally {
            if (freedInThisDiff != null) {
                spare = freedInThisDiff;
                freedInThisDiff = null;
            }
        }
        return out;
    }

    private void diff(String prefix, ObjectId oldTree, ObjectId newTree, List<DiffEntry> out) throws IOException {
        if (oldTree != null && oldTree.equals(newTree)) {
            return;
        }
        Tree left = treeOf(oldTree);
        Tree right = treeOf(newTree);
        byte[] a = left.bytes;
        byte[] b = right.bytes;
        int[] starts = left.starts();
        // The new tree's entry starts, learnt on the way: copied from the old tree's index across
        // identical runs (shifted), read from the entries that differ.
        Starts found = new Starts(starts.length + 8);
        int ia = 0; // the index in starts of the old tree's entry at pa
        int pa = 0;
        int pb = 0;
        while (pa < a.length || pb < b.length) {
            if (pa < a.length && pb < b.length) {
                int same = Arrays.mismatch(a, pa, a.length, b, pb, b.length);
                if (same < 0) {
                    // The rest of both trees is the same bytes.
                    found.addShifted(starts, ia, starts.length - 1, pb - pa);
                    pa = a.length;
                    pb = b.length;
                    break;
                }
                int k = lastStartAtOrBefore(starts, ia, pa + same);
                found.addShifted(starts, ia, k, pb - pa);
                pb += starts[k] - pa;
                pa = starts[k];
                ia = k;
            }
            Entry l = pa < a.length ? Entry.at(a, pa) : null;
            Entry r = pb < b.length ? Entry.at(b, pb) : null;
            int order = l == null ? 1 : r == null ? -1
                    : Paths.compare(a, l.nameStart(), l.nameEnd(), l.mode(),
                            b, r.nameStart(), r.nameEnd(), r.mode());
            if (order < 0) {
                removed(prefix, a, l, out);
                pa = l.end();
                ia++;
            } else if (order > 0) {
                added(prefix, b, r, out);
                found.add(pb);
                pb = r.end();
            } else {
                changed(prefix, a, l, b, r, out);
                found.add(pb);
                pa = l.end();
                ia++;
                pb = r.end();
            }
        }
        right.learnStarts(found);
    }

    /**
     * The index of the last entry start at or before {@code limit}, from {@code from} on: the
     * entries before it end at or before {@code limit}. {@code starts} ends with the tree's length.
     */
    private static int lastStartAtOrBefore(int[] starts, int from, int limit) {
        int lo = from;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= limit) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
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

    private Tree treeOf(ObjectId tree) throws IOException {
        if (tree == null) {
            return Tree.EMPTY;
        }
        for (int i = 0; i < recentIds.length; i++) {
            if (tree.equals(recentIds[i])) {
                return recentTrees[i];
            }
        }
        Tree read = read(tree);
        int slot = nextSlot;
        nextSlot = (nextSlot + 1) % recentIds.length;
        if (recentTrees[slot] != null && recentTrees[slot].ownBytes) {
            freedInThisDiff = recentTrees[slot].bytes;
        }
        recentIds[slot] = tree.copy();
        recentTrees[slot] = read;
        return read;
    }

    /** Rebuilt from a tree held here when the pack stores it as a delta of that one, else JGit's. */
    private Tree read(ObjectId id) throws IOException {
        PackedDeltas.Location at = deltas == null ? null : deltas.locate(id);
        PackedDeltas.Delta delta = at == null ? null : deltas.deltaAt(at);
        if (delta != null) {
            for (int i = 0; i < recentTrees.length; i++) {
                Tree base = recentTrees[i];
                if (base != null && delta.isOnto(base.location, recentIds[i])) {
                    byte[] bytes = deltas.apply(delta, base.bytes, spare);
                    if (bytes != null) {
                        if (bytes == spare) {
                            spare = null;
                        }
                        rebuilt++;
                        return new Tree(bytes, at, true);
                    }
                }
            }
        }
        // JGit's array: it may keep it as a delta base, so it is never written into here.
        return new Tree(reader.open(id, Constants.OBJ_TREE).getCachedBytes(), at, false);
    }

    /** A tree's raw bytes and, once known, where each entry starts. */
    private static final class Tree {
        static final Tree EMPTY = new Tree(new byte[0], null, false);

        final byte[] bytes;
        /** Where the tree is packed (null: not in a pack, or not looked for), to know it as a delta base. */
        final PackedDeltas.Location location;
        /** Whether this differ made {@link #bytes} (rather than JGit), so may reuse them when done. */
        final boolean ownBytes;
        /** Each entry's first byte, ascending, then the tree's length; null until first needed. */
        private int[] starts;

        Tree(byte[] bytes, PackedDeltas.Location location, boolean ownBytes) {
            this.bytes = bytes;
            this.location = location;
            this.ownBytes = ownBytes;
            if (bytes.length == 0) {
                starts = new int[] {0};
            }
        }

        /** The index of entry starts, scanning the tree for it the first time. */
        int[] starts() throws IOException {
            if (starts == null) {
                starts = RawTree.entryStarts(bytes);
            }
            return starts;
        }

        /** Keeps the starts a diff found, unless known already. */
        void learnStarts(Starts found) {
            if (starts == null) {
                starts = found.finish(bytes.length);
            }
        }
    }

    /** A growing list of entry starts. */
    private static final class Starts {
        private int[] values;
        private int size;

        Starts(int capacity) {
            values = new int[Math.max(capacity, 8)];
        }

        void add(int start) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = start;
        }

        /** Adds {@code from[start..end)}, each plus {@code shift}. */
        void addShifted(int[] from, int start, int end, int shift) {
            int count = end - start;
            if (size + count > values.length) {
                values = Arrays.copyOf(values, Math.max(size + count, size * 2));
            }
            for (int i = start; i < end; i++) {
                values[size++] = from[i] + shift;
            }
        }

        int[] finish(int length) {
            add(length);
            return Arrays.copyOf(values, size);
        }
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
