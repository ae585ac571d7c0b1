package org.clearinghouse.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raw-bytes tree diff must report exactly what JGit's own recursive tree walk reports, on
 * wide folders, nested folders, files that become folders and back, and executable bits.
 */
class TreeDifferTest {

    @TempDir
    Path dir;

    @Test
    void reportsWhatTheTreeWalkReportsForRandomTrees() throws IOException {
        try (Repository repository = FileRepositoryBuilder.create(dir.resolve("t.git").toFile())) {
            repository.create(true);
            Random random = new Random(42);
            TreeMap<String, Object[]> files = new TreeMap<>();
            ObjectId previous = null;
            int compared = 0;
            for (int step = 0; step < 120; step++) {
                mutate(files, random, step);
                ObjectId tree = write(repository, files);
                assertSameAsTreeWalk(repository, previous, tree);
                if (previous != null) {
                    assertThat(describe(diff(repository, previous, tree))).isNotEmpty();
                }
                assertSameAsTreeWalk(repository, tree, previous == null ? tree : previous);
                previous = tree;
                compared++;
            }
            assertThat(compared).isEqualTo(120);
        }
    }

    /**
     * One differ kept across a walk, as the history walk keeps it: each tree it read remembers
     * where its entries start, and a diff's new tree learns them from the old one's. Diffs forward,
     * backward and across several steps must all still match the tree walk.
     */
    @Test
    void oneDifferReusedAcrossAWalkReportsWhatTheTreeWalkReports() throws IOException {
        try (Repository repository = FileRepositoryBuilder.create(dir.resolve("r.git").toFile())) {
            repository.create(true);
            Random random = new Random(7);
            TreeMap<String, Object[]> files = new TreeMap<>();
            for (int i = 0; i < 300; i++) {
                files.put(String.format("Page-%04d.md", i), new Object[] {"text " + i, FileMode.REGULAR_FILE});
            }
            List<ObjectId> trees = new ArrayList<>();
            trees.add(write(repository, files));
            for (int step = 1; step < 150; step++) {
                mutate(files, random, step);
                if (step % 3 == 0) {
                    files.put(String.format("Page-%04d.md", random.nextInt(400)),
                            new Object[] {"edit " + step, FileMode.REGULAR_FILE});
                }
                trees.add(write(repository, files));
            }
            try (ObjectReader reader = repository.newObjectReader()) {
                TreeDiffer differ = new TreeDiffer(reader);
                for (int i = 1; i < trees.size(); i++) {
                    ObjectId from = trees.get(i - 1);
                    ObjectId to = trees.get(i);
                    assertThat(describe(differ.diff(from, to), true)).isEqualTo(treeWalk(reader, from, to));
                    if (i % 5 == 0) {
                        assertThat(describe(differ.diff(to, from), true)).isEqualTo(treeWalk(reader, to, from));
                        ObjectId older = trees.get(random.nextInt(i));
                        assertThat(describe(differ.diff(older, to), true)).isEqualTo(treeWalk(reader, older, to));
                        assertThat(describe(differ.diff(null, to), true)).isEqualTo(treeWalk(reader, null, to));
                    }
                }
            }
        }
    }

    @Test
    void findsTheOneChangedPageAmongThousands() throws IOException {
        try (Repository repository = FileRepositoryBuilder.create(dir.resolve("w.git").toFile())) {
            repository.create(true);
            TreeMap<String, Object[]> files = new TreeMap<>();
            for (int i = 0; i < 5000; i++) {
                files.put(String.format("Page-%05d.md", i), new Object[] {"text " + i, FileMode.REGULAR_FILE});
            }
            ObjectId before = write(repository, files);
            files.put("Page-02500.md", new Object[] {"changed", FileMode.REGULAR_FILE});
            files.put("Page-04999a.md", new Object[] {"new", FileMode.REGULAR_FILE});
            files.remove("Page-00000.md");
            ObjectId after = write(repository, files);
            try (ObjectReader reader = repository.newObjectReader()) {
                List<String> found = describe(new TreeDiffer(reader).diff(before, after));
                assertThat(found).containsExactly("DELETE Page-00000.md", "MODIFY Page-02500.md", "ADD Page-04999a.md");
            }
            assertSameAsTreeWalk(repository, before, after);
        }
    }

    private static void mutate(TreeMap<String, Object[]> files, Random random, int step) {
        String[] folders = {"", "Career-Day/", "Career-Day/Kits/", "a/", "a-b/", "a.b/", "z/"};
        int changes = 1 + random.nextInt(step == 0 ? 40 : 6);
        for (int i = 0; i < changes; i++) {
            String name = folders[random.nextInt(folders.length)] + "p" + random.nextInt(25)
                    + (random.nextBoolean() ? ".md" : "");
            int action = random.nextInt(10);
            if (action < 3 && !files.isEmpty()) {
                files.remove(files.keySet().toArray(new String[0])[random.nextInt(files.size())]);
            } else if (action == 3) {
                // A file named like a folder: "a" the file and "a/..." cannot both exist.
                files.keySet().removeIf(f -> f.startsWith("a/"));
                files.put("a", new Object[] {"file " + step, FileMode.REGULAR_FILE});
            } else {
                FileMode mode = random.nextInt(8) == 0 ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
                if (!name.startsWith("a/") || !files.containsKey("a")) {
                    files.put(name, new Object[] {"text " + step + " " + random.nextInt(3), mode});
                } else {
                    files.remove("a");
                    files.put(name, new Object[] {"text " + step, mode});
                }
            }
        }
    }

    private static ObjectId write(Repository repository, TreeMap<String, Object[]> files) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            for (var file : files.entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(file.getKey());
                entry.setFileMode((FileMode) file.getValue()[1]);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB,
                        ((String) file.getValue()[0]).getBytes(StandardCharsets.UTF_8)));
                builder.add(entry);
            }
            builder.finish();
            ObjectId tree = index.writeTree(inserter);
            inserter.flush();
            return tree;
        }
    }

    private static void assertSameAsTreeWalk(Repository repository, ObjectId from, ObjectId to) throws IOException {
        try (ObjectReader reader = repository.newObjectReader()) {
            assertThat(describe(new TreeDiffer(reader).diff(from, to), true)).isEqualTo(treeWalk(reader, from, to));
        }
    }

    /** What JGit's recursive tree walk reports, described in full. */
    private static List<String> treeWalk(ObjectReader reader, ObjectId from, ObjectId to) throws IOException {
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.setRecursive(true);
            walk.setFilter(TreeFilter.ANY_DIFF);
            if (from == null) {
                walk.addTree(new EmptyTreeIterator());
            } else {
                walk.addTree(from);
            }
            walk.addTree(to);
            return describe(DiffEntry.scan(walk), true);
        }
    }

    private static List<DiffEntry> diff(Repository repository, ObjectId from, ObjectId to) throws IOException {
        try (ObjectReader reader = repository.newObjectReader()) {
            return new TreeDiffer(reader).diff(from, to);
        }
    }

    private static List<String> describe(List<DiffEntry> entries) {
        return describe(entries, false);
    }

    /** One line per change: kind and path, and with {@code full} the ids and modes of both sides. */
    private static List<String> describe(List<DiffEntry> entries, boolean full) {
        List<String> lines = new ArrayList<>();
        for (DiffEntry e : entries) {
            String path = e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath();
            String line = e.getChangeType() + " " + path;
            if (full) {
                line += " " + e.getOldId().name() + ">" + e.getNewId().name() + " " + e.getOldMode() + ">" + e.getNewMode()
                        + " " + e.getOldPath() + ">" + e.getNewPath();
            }
            lines.add(line);
        }
        return lines;
    }
}
