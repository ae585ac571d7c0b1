package org.clearinghouse.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.clearinghouse.page.BadRequestException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.util.Paths;

/**
 * Writes a tree with some files changed, reading and rewriting only the trees on the changed
 * paths; every other tree is kept by id. (A DirCache of the whole tree cost a save time in
 * proportion to the number of pages.) A changed folder is written by copying its raw bytes around
 * the changed entries: a folder of 20,000 pages is a 1.36 MB tree, and parsing it into entries and
 * formatting them again took longer than the rest of the save. Files are set as regular files;
 * deleting a path that is not a file does nothing; a folder left empty disappears. A file and a
 * folder of the same name ({@code a.md} and {@code a.md/x.pdf}) cannot both be in a Git tree: such
 * a change is refused before anything is written. Not thread-safe: one per commit.
 */
final class TreeEdit {
    /** An entry of the folder as read: where it is in the raw tree, and what it holds. */
    private record Found(int index, FileMode mode, ObjectId id) {
        boolean isTree() {
            return mode.getObjectType() == Constants.OBJ_TREE;
        }

        boolean isPlainFile() {
            return mode.getBits() == FileMode.REGULAR_FILE.getBits();
        }
    }

    /**
     * One change to a folder's entries: the entry at {@code index} replaced (or, with no bytes,
     * removed), or new bytes inserted before the entry at {@code index}.
     */
    private record Splice(int index, boolean insert, byte[] name, FileMode mode, byte[] bytes) {
        /** In tree order: inserts before the entry they precede, inserts at one place by name. */
        static final Comparator<Splice> ORDER = (a, b) -> {
            if (a.index != b.index) {
                return Integer.compare(a.index, b.index);
            }
            if (a.insert != b.insert) {
                return a.insert ? -1 : 1;
            }
            return Paths.compare(a.name, 0, a.name.length, a.mode.getBits(), b.name, 0, b.name.length, b.mode.getBits());
        };
    }

    /** A folder on a changed path: its entries as read, and what is to change in it. */
    private final class Folder {
        private final RawTree tree;
        private final TreeMap<String, Optional<byte[]>> files = new TreeMap<>();
        private final TreeMap<String, Folder> folders = new TreeMap<>();

        Folder(ObjectId treeId) throws IOException {
            if (treeId == null) {
                tree = RawTree.EMPTY;
            } else {
                Optional<RawTree> kept = wide.recent(treeId);
                tree = kept.isPresent() ? kept.get()
                        : RawTree.of(reader.open(treeId, Constants.OBJ_TREE).getCachedBytes(Integer.MAX_VALUE));
            }
        }

        /** The entry named {@code name}: a file if there is one, else a folder. */
        Optional<Found> entry(String name) throws IOException {
            byte[] bytes = utf8(name);
            Optional<Found> file = found(tree.find(bytes, false));
            return file.isPresent() ? file : found(tree.find(bytes, true));
        }

        private Optional<Found> found(int index) throws IOException {
            if (index < 0) {
                return Optional.empty();
            }
            RawTree.Entry entry = tree.entry(index);
            return Optional.of(new Found(index, entry.fileMode(), entry.id(tree.bytes())));
        }

        Folder folder(String name) throws IOException {
            Folder folder = folders.get(name);
            if (folder == null) {
                folder = new Folder(entry(name).filter(Found::isTree).map(Found::id).orElse(null));
                folders.put(name, folder);
            }
            return folder;
        }

        /** Writes this folder (blobs, sub-trees, then itself); empty when nothing is left in it. */
        Optional<ObjectId> write(String prefix) throws IOException {
            List<Splice> splices = new ArrayList<>();
            for (Map.Entry<String, Optional<byte[]>> file : files.entrySet()) {
                Optional<Found> old = entry(file.getKey());
                if (old.isPresent() && old.get().isTree()) {
                    continue; // deleting a folder by a file's name does nothing (a put was refused as a clash)
                }
                Optional<ObjectId> blob = file.getValue().isEmpty() ? Optional.empty()
                        : Optional.of(inserter.insert(Constants.OBJ_BLOB, file.getValue().get()));
                note(prefix + file.getKey(), old, blob);
                splice(splices, file.getKey(), FileMode.REGULAR_FILE, old, blob);
            }
            for (Map.Entry<String, Folder> folder : folders.entrySet()) {
                Optional<ObjectId> written = folder.getValue().write(prefix + folder.getKey() + "/");
                int index = tree.find(utf8(folder.getKey()), true);
                Optional<Found> old = index >= 0 ? found(index) : Optional.empty();
                splice(splices, folder.getKey(), FileMode.TREE, old, written);
            }
            byte[] written = spliced(splices);
            if (written.length == 0) {
                return Optional.empty();
            }
            return Optional.of(written.length >= WideTreeWriter.WIDE
                    ? wide.write(written, inserter) : inserter.insert(Constants.OBJ_TREE, written));
        }

        private void splice(List<Splice> splices, String name, FileMode mode, Optional<Found> old,
                Optional<ObjectId> id) throws IOException {
            byte[] bytes = utf8(name);
            byte[] entry = id.map(value -> RawTree.encode(bytes, mode, value)).orElse(null);
            if (old.isPresent()) {
                splices.add(new Splice(old.get().index(), false, bytes, mode, entry));
            } else if (entry != null) {
                splices.add(new Splice(-tree.find(bytes, mode == FileMode.TREE) - 1, true, bytes, mode, entry));
            }
        }

        /** The folder's bytes with the splices made, copying the unchanged runs as they are. */
        private byte[] spliced(List<Splice> splices) {
            splices.sort(Splice.ORDER);
            byte[] raw = tree.bytes();
            int size = raw.length;
            for (Splice splice : splices) {
                size += splice.bytes() == null ? 0 : splice.bytes().length;
                size -= splice.insert() ? 0 : tree.start(splice.index() + 1) - tree.start(splice.index());
            }
            byte[] out = new byte[size];
            int copied = 0; // raw bytes consumed so far
            int at = 0;
            for (Splice splice : splices) {
                int until = tree.start(splice.index());
                System.arraycopy(raw, copied, out, at, until - copied);
                at += until - copied;
                copied = splice.insert() ? until : tree.start(splice.index() + 1);
                if (splice.bytes() != null) {
                    System.arraycopy(splice.bytes(), 0, out, at, splice.bytes().length);
                    at += splice.bytes().length;
                }
            }
            System.arraycopy(raw, copied, out, at, raw.length - copied);
            return out;
        }
    }

    /** Notes the change of one file as a diff of the two trees would report it. */
    private void note(String path, Optional<Found> old, Optional<ObjectId> blob) {
        plainFiles &= old.isEmpty() || old.get().isPlainFile();
        Optional<String> oldBlob = old.map(e -> e.id().name());
        Optional<String> newBlob = blob.map(ObjectId::name);
        if (!oldBlob.equals(newBlob)) {
            changed.add(new FileChange(path, oldBlob, newBlob));
        }
    }

    private final ObjectReader reader;
    private final ObjectInserter inserter;
    private final List<FileChange> changed = new ArrayList<>();
    private final WideTreeWriter wide;
    private boolean plainFiles = true;

    TreeEdit(ObjectReader reader, ObjectInserter inserter) {
        this(reader, inserter, new WideTreeWriter());
    }

    /**
     * Trees of {@link WideTreeWriter#WIDE} bytes or more are written by {@code wide}, and a base
     * tree it wrote last is taken from it instead of being read.
     */
    TreeEdit(ObjectReader reader, ObjectInserter inserter, WideTreeWriter wide) {
        this.reader = reader;
        this.inserter = inserter;
        this.wide = wide;
    }

    /** The files changed by the last {@link #write}; empty when a file's mode changed (left to a real diff). */
    Optional<List<FileChange>> changes() {
        return plainFiles ? Optional.of(List.copyOf(changed)) : Optional.empty();
    }

    /**
     * Writes {@code baseTree} (null: none) with {@code changes} (path to new bytes, or empty to
     * delete) applied; answers the new tree's id.
     *
     * @throws BadRequestException when a change would put a file and a folder under one name
     */
    ObjectId write(ObjectId baseTree, Map<String, Optional<byte[]>> changes) throws IOException {
        Folder root = new Folder(baseTree);
        for (Map.Entry<String, Optional<byte[]>> change : changes.entrySet()) {
            plan(root, change.getKey(), change.getValue(), changes);
        }
        Optional<ObjectId> tree = root.write("");
        return tree.isPresent() ? tree.get() : inserter.insert(Constants.OBJ_TREE, new byte[0]);
    }

    /** Records one change in the folders on its path, refusing a file/folder clash first. */
    private void plan(Folder root, String path, Optional<byte[]> content, Map<String, Optional<byte[]>> changes)
            throws IOException {
        String[] parts = path.split("/");
        Folder folder = root;
        for (int i = 0; i < parts.length - 1; i++) {
            String folderPath = String.join("/", Arrays.copyOfRange(parts, 0, i + 1));
            Optional<Found> there = folder.entry(parts[i]);
            boolean isFile = there.isPresent() && !there.get().isTree();
            if (content.isPresent() && ((isFile && !isDeleted(changes, folderPath))
                    || changes.getOrDefault(folderPath, Optional.empty()).isPresent())) {
                throw clash(folderPath);
            }
            if (content.isEmpty() && (there.isEmpty() || isFile)) {
                return; // nothing to delete down there
            }
            folder = folder.folder(parts[i]);
        }
        String name = parts[parts.length - 1];
        if (content.isPresent() && folder.entry(name).filter(Found::isTree).isPresent()) {
            throw clash(path);
        }
        folder.files.put(name, content);
    }

    private static boolean isDeleted(Map<String, Optional<byte[]>> changes, String path) {
        return changes.containsKey(path) && changes.get(path).isEmpty();
    }

    private static byte[] utf8(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    private static BadRequestException clash(String path) {
        return new BadRequestException("The name " + path + " is used both as a file and as a folder; "
                + "choose another name.");
    }
}
