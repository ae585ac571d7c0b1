package org.clearinghouse.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * Writes a tree with some files changed, reading and rewriting only the trees on the changed
 * paths; every other tree is kept by id. (A DirCache of the whole tree cost a save time in
 * proportion to the number of pages.) Files are set as regular files; deleting a path that is not
 * a file does nothing; a folder left empty disappears. A file and a folder of the same name
 * ({@code a.md} and {@code a.md/x.pdf}) cannot both be in a Git tree: such a change is refused
 * before anything is written. Not thread-safe: one per commit.
 */
final class TreeEdit {
    /** One entry of a tree; {@code name} in UTF-8, as Git stores it. */
    private record Entry(byte[] name, FileMode mode, ObjectId id) {
        boolean isTree() {
            return mode.getObjectType() == Constants.OBJ_TREE;
        }

        boolean isPlainFile() {
            return mode.getBits() == FileMode.REGULAR_FILE.getBits();
        }
    }

    /** Git orders entries by name, a tree's name compared as if it ended with '/'. */
    private static final Comparator<Entry> GIT_ORDER = (a, b) -> {
        int common = Math.min(a.name.length, b.name.length);
        int cmp = Arrays.compareUnsigned(a.name, 0, common, b.name, 0, common);
        if (cmp != 0) {
            return cmp;
        }
        int nextA = a.name.length > common ? a.name[common] & 0xff : a.isTree() ? '/' : 0;
        int nextB = b.name.length > common ? b.name[common] & 0xff : b.isTree() ? '/' : 0;
        return Integer.compare(nextA, nextB);
    };

    /**
     * A folder on a changed path: its entries as read (kept in Git's order, so a big folder is
     * edited by binary search and written without sorting), and what is to change in it.
     */
    private final class Folder {
        private final List<Entry> entries = new ArrayList<>();
        private final TreeMap<String, Optional<byte[]>> files = new TreeMap<>();
        private final TreeMap<String, Folder> folders = new TreeMap<>();

        Folder(ObjectId treeId) throws IOException {
            if (treeId == null) {
                return;
            }
            for (CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, treeId); !parser.eof();
                    parser.next()) {
                byte[] name = new byte[parser.getNameLength()];
                parser.getName(name, 0);
                entries.add(new Entry(name, parser.getEntryFileMode(), parser.getEntryObjectId()));
            }
        }

        Optional<Entry> entry(String name) {
            int at = find(utf8(name));
            return at >= 0 ? Optional.of(entries.get(at)) : Optional.empty();
        }

        private int find(byte[] name) {
            int at = Collections.binarySearch(entries, new Entry(name, FileMode.REGULAR_FILE, null), GIT_ORDER);
            return at >= 0 ? at : Collections.binarySearch(entries, new Entry(name, FileMode.TREE, null), GIT_ORDER);
        }

        private void remove(String name) {
            int at = find(utf8(name));
            if (at >= 0) {
                entries.remove(at);
            }
        }

        private void add(Entry entry) {
            entries.add(-Collections.binarySearch(entries, entry, GIT_ORDER) - 1, entry);
        }

        Folder folder(String name) throws IOException {
            Folder folder = folders.get(name);
            if (folder == null) {
                folder = new Folder(entry(name).filter(Entry::isTree).map(Entry::id).orElse(null));
                folders.put(name, folder);
            }
            return folder;
        }

        /** Writes this folder (blobs, sub-trees, then itself); empty when nothing is left in it. */
        Optional<ObjectId> write(String prefix) throws IOException {
            for (Map.Entry<String, Optional<byte[]>> file : files.entrySet()) {
                Optional<Entry> old = entry(file.getKey());
                if (old.isPresent() && old.get().isTree()) {
                    continue; // deleting a folder by a file's name does nothing (a put was refused as a clash)
                }
                Optional<ObjectId> blob = file.getValue().isEmpty() ? Optional.empty()
                        : Optional.of(inserter.insert(Constants.OBJ_BLOB, file.getValue().get()));
                note(prefix + file.getKey(), old, blob);
                remove(file.getKey());
                blob.ifPresent(id -> add(new Entry(utf8(file.getKey()), FileMode.REGULAR_FILE, id)));
            }
            for (Map.Entry<String, Folder> folder : folders.entrySet()) {
                Optional<ObjectId> tree = folder.getValue().write(prefix + folder.getKey() + "/");
                remove(folder.getKey());
                tree.ifPresent(id -> add(new Entry(utf8(folder.getKey()), FileMode.TREE, id)));
            }
            if (entries.isEmpty()) {
                return Optional.empty();
            }
            TreeFormatter tree = new TreeFormatter(entries.size() * 64);
            for (Entry entry : entries) {
                tree.append(entry.name(), entry.mode(), entry.id());
            }
            return Optional.of(inserter.insert(tree));
        }
    }

    /** Notes the change of one file as a diff of the two trees would report it. */
    private void note(String path, Optional<Entry> old, Optional<ObjectId> blob) {
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
    private boolean plainFiles = true;

    TreeEdit(ObjectReader reader, ObjectInserter inserter) {
        this.reader = reader;
        this.inserter = inserter;
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
        return tree.isPresent() ? tree.get() : inserter.insert(new TreeFormatter());
    }

    /** Records one change in the folders on its path, refusing a file/folder clash first. */
    private void plan(Folder root, String path, Optional<byte[]> content, Map<String, Optional<byte[]>> changes)
            throws IOException {
        String[] parts = path.split("/");
        Folder folder = root;
        for (int i = 0; i < parts.length - 1; i++) {
            String folderPath = String.join("/", Arrays.copyOfRange(parts, 0, i + 1));
            Optional<Entry> there = folder.entry(parts[i]);
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
        if (content.isPresent() && folder.entry(name).filter(Entry::isTree).isPresent()) {
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
