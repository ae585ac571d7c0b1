package org.clearinghouse.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.util.Paths;

/**
 * A Git tree read as its raw bytes, with the offset of each entry, so a wide folder can be
 * searched by name and copied around its changed entries without making an object per entry.
 * A tree entry is {@code <octal mode> SP <name> NUL <20-byte id>}, sorted by name with folders
 * compared as if their name ended in {@code /} ({@link Paths#compare}). Immutable.
 */
final class RawTree {
    static final int ID_LENGTH = Constants.OBJECT_ID_LENGTH;
    static final RawTree EMPTY = new RawTree(new byte[0], new int[] {0});

    private final byte[] bytes;
    /** Where each entry starts, and one more: where the tree ends. */
    private final int[] starts;

    private RawTree(byte[] bytes, int[] starts) {
        this.bytes = bytes;
        this.starts = starts;
    }

    /** Indexes the entries of a tree's bytes (which are kept, not copied). */
    static RawTree of(byte[] bytes) throws IOException {
        return new RawTree(bytes, entryStarts(bytes));
    }

    /** Where each entry of a tree's bytes starts, ascending, then the tree's length. */
    static int[] entryStarts(byte[] bytes) throws IOException {
        int[] starts = new int[Math.max(16, bytes.length / 48)];
        int count = 0;
        int at = 0;
        while (at < bytes.length) {
            if (count + 1 >= starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[count++] = at;
            at = endOf(bytes, at);
        }
        starts[count] = bytes.length;
        return Arrays.copyOf(starts, count + 1);
    }

    /**
     * Where the entry starting at {@code start} ends: after the NUL that ends its name and the id.
     * Only the NUL is looked for (a wide folder is indexed on every save); an entry that is read is
     * checked in full by {@link Entry#at}.
     */
    private static int endOf(byte[] tree, int start) throws IOException {
        int nul = start;
        while (nul < tree.length && tree[nul] != 0) {
            nul++;
        }
        int end = nul + 1 + ID_LENGTH;
        if (end > tree.length) {
            throw new IOException("A damaged tree: an entry runs past its end at byte " + start);
        }
        return end;
    }

    byte[] bytes() {
        return bytes;
    }

    int size() {
        return starts.length - 1;
    }

    /** Where entry {@code index} starts; {@code size()} gives the end of the tree. */
    int start(int index) {
        return starts[index];
    }

    Entry entry(int index) throws IOException {
        return Entry.at(bytes, starts[index]);
    }

    /**
     * The index of the entry named {@code name} with the given kind (a folder or not), or
     * {@code -(insertion point) - 1} when there is none, as {@link Arrays#binarySearch} answers.
     */
    int find(byte[] name, boolean folder) throws IOException {
        int mode = folder ? FileMode.TREE.getBits() : FileMode.REGULAR_FILE.getBits();
        int low = 0;
        int high = size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Entry entry = entry(middle);
            int order = Paths.compare(bytes, entry.nameStart(), entry.nameEnd(), entry.mode(),
                    name, 0, name.length, mode);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    /** The bytes of one entry as Git writes it. */
    static byte[] encode(byte[] name, FileMode mode, ObjectId id) {
        byte[] out = new byte[mode.copyToLength() + 1 + name.length + 1 + ID_LENGTH];
        mode.copyTo(out, 0);
        int at = mode.copyToLength();
        out[at++] = ' ';
        System.arraycopy(name, 0, out, at, name.length);
        at += name.length;
        out[at++] = 0;
        id.copyRawTo(out, at);
        return out;
    }

    /** One parsed entry of a raw tree: offsets into the tree's bytes. */
    record Entry(int mode, int nameStart, int nameEnd, int end) {
        static Entry at(byte[] tree, int start) throws IOException {
            int end = endOf(tree, start);
            int nul = end - 1 - ID_LENGTH;
            int mode = 0;
            int at = start;
            while (at < nul && tree[at] != ' ') {
                int digit = tree[at] - '0';
                if (digit < 0 || digit > 7) {
                    throw new IOException("A damaged tree: a mode that is not octal at byte " + at);
                }
                mode = (mode << 3) | digit;
                at++;
            }
            if (at >= nul) {
                throw new IOException("A damaged tree: an entry without a name at byte " + start);
            }
            return new Entry(mode, at + 1, nul, end);
        }

        boolean isTree() {
            return FileMode.TREE.equals(mode);
        }

        boolean isPlainFile() {
            return mode == FileMode.REGULAR_FILE.getBits();
        }

        FileMode fileMode() {
            return FileMode.fromBits(mode);
        }

        int idStart() {
            return end - ID_LENGTH;
        }

        String name(byte[] tree) {
            return new String(tree, nameStart, nameEnd - nameStart, StandardCharsets.UTF_8);
        }

        ObjectId id(byte[] tree) {
            return ObjectId.fromRaw(tree, idStart());
        }
    }
}
