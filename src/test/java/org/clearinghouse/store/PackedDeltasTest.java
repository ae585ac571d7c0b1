package org.clearinghouse.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trees rebuilt by applying their pack delta to a held base must be the bytes JGit reads, for
 * packs as {@code git gc} writes them (deltas found by offset) and as older Git wrote them (by
 * id); and a differ that rebuilds trees that way must report what one reading through JGit does.
 */
class PackedDeltasTest {
    private static final String[] FOLDERS = {"Alpha", "Beta", "Gamma", "Delta"};

    @TempDir
    Path dir;

    @Test
    void rebuildsTreesFoundByOffsetAsJGitReadsThem() throws Exception {
        packedHistory("offsets.git", true);
        assertRebuildsEveryDeltifiedTree("offsets.git");
    }

    @Test
    void rebuildsTreesFoundByIdAsJGitReadsThem() throws Exception {
        packedHistory("ids.git", false);
        assertRebuildsEveryDeltifiedTree("ids.git");
    }

    @Test
    void aDifferRebuildingTreesReportsWhatOneReadingThroughJGitReports() throws Exception {
        List<ObjectId> roots = packedHistory("walk.git", true);
        // Oldest first, as the history walk goes, then back: Git packs deltas one way or the other.
        List<ObjectId[]> pairs = new ArrayList<>();
        for (int i = 0; i < roots.size(); i++) {
            pairs.add(new ObjectId[] {i == 0 ? null : roots.get(i - 1), roots.get(i)});
        }
        for (int i = roots.size() - 1; i > 0; i--) {
            pairs.add(new ObjectId[] {roots.get(i), roots.get(i - 1)});
        }
        Compared compared = compareDiffs("walk.git", pairs, -1);
        assertThat(compared.rebuilt()).isGreaterThan(roots.size() / 2);
        assertThat(compared.plainRebuilt()).isZero();
    }

    /**
     * A tree pushed out of the differ's few held trees while its folder is still being compared
     * must not be written over by a tree rebuilt later in the same diff. Here the top folder and
     * each of its three subfolders are the same length (23 entries of 30 bytes), and every commit
     * changes one page in each subfolder, so one diff reads more trees than are held.
     */
    @Test
    void aTreeStillBeingComparedIsNeverWrittenOver() throws Exception {
        TreeMap<String, String> pages = new TreeMap<>();
        for (int i = 0; i < 20; i++) {
            pages.put("a" + (char) ('a' + i), "top " + i);
        }
        for (int f = 1; f <= 3; f++) {
            for (int i = 0; i < 23; i++) {
                pages.put("F0" + f + "/c" + (char) ('a' + i), "first " + f + " " + i);
            }
        }
        Random random = new Random(5);
        List<ObjectId> roots = packedHistory("same-length.git", true, pages, List.of(), step -> {
            for (int f = 1; f <= 3; f++) {
                pages.put("F0" + f + "/c" + (char) ('a' + random.nextInt(23)), "step " + step + " " + f);
            }
        });
        List<ObjectId[]> pairs = new ArrayList<>();
        for (int i = roots.size() - 1; i > 0; i--) {
            pairs.add(new ObjectId[] {roots.get(i), roots.get(i - 1)});
        }
        for (int i = 1; i < roots.size(); i++) {
            pairs.add(new ObjectId[] {roots.get(i - 1), roots.get(i)});
        }
        assertThat(compareDiffs("same-length.git", pairs, 3).rebuilt()).isGreaterThan(roots.size());
    }

    @Test
    void writesIntoASpareOfTheRightLengthOnly() throws Exception {
        packedHistory("spare.git", true);
        try (Repository repository = open("spare.git");
                ObjectReader reader = repository.newObjectReader();
                PackedDeltas deltas = PackedDeltas.of(repository)) {
            Map<ObjectId, PackedDeltas.Location> trees = allTrees(repository, reader, deltas);
            Rebuildable one = trees.keySet().stream().map(id -> rebuildable(reader, deltas, trees, id))
                    .filter(r -> r != null).findFirst().orElseThrow();
            byte[] expected = reader.open(one.id(), Constants.OBJ_TREE).getBytes();
            byte[] spare = new byte[expected.length];
            assertThat(deltas.apply(one.delta(), one.base(), spare)).isSameAs(spare).isEqualTo(expected);
            byte[] tooShort = new byte[expected.length - 1];
            assertThat(deltas.apply(one.delta(), one.base(), tooShort)).isNotSameAs(tooShort).isEqualTo(expected);
        }
    }

    private void assertRebuildsEveryDeltifiedTree(String name) throws IOException {
        try (Repository repository = open(name);
                ObjectReader reader = repository.newObjectReader();
                PackedDeltas deltas = PackedDeltas.of(repository)) {
            Map<ObjectId, PackedDeltas.Location> trees = allTrees(repository, reader, deltas);
            int rebuilt = 0;
            for (ObjectId id : trees.keySet()) {
                Rebuildable found = rebuildable(reader, deltas, trees, id);
                if (found != null) {
                    assertThat(deltas.apply(found.delta(), found.base(), null))
                            .isEqualTo(reader.open(id, Constants.OBJ_TREE).getBytes());
                    rebuilt++;
                }
            }
            assertThat(rebuilt).isGreaterThan(trees.size() / 2);
        }
    }

    /** A tree stored as a delta whose base is another of the trees, with that base's bytes. */
    private record Rebuildable(ObjectId id, PackedDeltas.Delta delta, byte[] base) {}

    private static Rebuildable rebuildable(ObjectReader reader, PackedDeltas deltas,
            Map<ObjectId, PackedDeltas.Location> trees, ObjectId id) {
        PackedDeltas.Delta delta = deltas.deltaAt(trees.get(id));
        if (delta == null) {
            return null;
        }
        for (Map.Entry<ObjectId, PackedDeltas.Location> other : trees.entrySet()) {
            if (delta.isOnto(other.getValue(), other.getKey())) {
                try {
                    return new Rebuildable(id, delta, reader.open(other.getKey(), Constants.OBJ_TREE).getBytes());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        return null;
    }

    /** Every tree of every commit on main, with its pack location. */
    private static Map<ObjectId, PackedDeltas.Location> allTrees(Repository repository, ObjectReader reader,
            PackedDeltas deltas) throws IOException {
        Map<ObjectId, PackedDeltas.Location> trees = new LinkedHashMap<>();
        try (org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(reader)) {
            walk.markStart(walk.parseCommit(repository.resolve("main")));
            for (org.eclipse.jgit.revwalk.RevCommit commit : walk) {
                ObjectId root = commit.getTree().copy();
                trees.put(root, deltas.locate(root));
                try (TreeWalk folders = new TreeWalk(reader)) {
                    folders.addTree(root);
                    while (folders.next()) {
                        if (folders.getFileMode(0) == FileMode.TREE) {
                            trees.put(folders.getObjectId(0), deltas.locate(folders.getObjectId(0)));
                        }
                    }
                }
            }
        }
        assertThat(trees.values()).as("every tree is packed").doesNotContainNull();
        return trees;
    }

    /**
     * Commits 40 versions of a wiki with four folders of 60 pages and 200 pages at the top, each
     * changing pages in one to three folders (so one diff reads more trees than the differ keeps),
     * sometimes adding one; then packs it with git as {@code git gc} would and returns the root
     * trees, oldest first.
     */
    private List<ObjectId> packedHistory(String name, boolean offsets) throws Exception {
        TreeMap<String, String> pages = new TreeMap<>();
        for (String folder : FOLDERS) {
            for (int i = 0; i < 60; i++) {
                pages.put(folder + "/Page-" + String.format("%03d", i) + ".md", "first " + folder + i);
            }
        }
        for (int i = 0; i < 200; i++) {
            pages.put(String.format("Top-%03d.md", i), "first top " + i);
        }
        Random random = new Random(11);
        return packedHistory(name, offsets, pages, List.of(), step -> {
            int folders = 1 + random.nextInt(3);
            for (int f = 0; f < folders; f++) {
                String folder = FOLDERS[random.nextInt(FOLDERS.length)];
                pages.put(folder + "/Page-" + String.format("%03d", random.nextInt(60)) + ".md", "step " + step + " " + f);
            }
            pages.put(String.format("Top-%03d.md", random.nextInt(200)), "step " + step);
            if (step % 7 == 0) {
                pages.put(String.format("Top-%03d-new.md", step), "added at " + step);
            }
        });
    }

    /**
     * Commits the pages 40 times, {@code change} editing them before each commit but the first,
     * then packs them with git's {@code repack} and {@code repackOptions}.
     */
    private List<ObjectId> packedHistory(String name, boolean offsets, TreeMap<String, String> pages,
            List<String> repackOptions, java.util.function.IntConsumer change) throws Exception {
        Path gitDir = dir.resolve(name);
        List<ObjectId> roots = new ArrayList<>();
        try (Repository repository = FileRepositoryBuilder.create(gitDir.toFile())) {
            repository.create(true);
            ObjectId parent = null;
            try (ObjectInserter inserter = repository.newObjectInserter()) {
                for (int step = 0; step < 40; step++) {
                    if (step > 0) {
                        change.accept(step);
                    }
                    ObjectId root = writeTree(inserter, pages, "");
                    CommitBuilder commit = new CommitBuilder();
                    commit.setTreeId(root);
                    if (parent != null) {
                        commit.setParentId(parent);
                    }
                    PersonIdent who = new PersonIdent("Ada", "ada@example.org", 1_700_000_000_000L + step * 1000L, 0);
                    commit.setAuthor(who);
                    commit.setCommitter(who);
                    commit.setMessage("Step " + step);
                    parent = inserter.insert(commit);
                    roots.add(root);
                }
                inserter.flush();
            }
            RefUpdate update = repository.updateRef("refs/heads/main");
            update.setNewObjectId(parent);
            update.forceUpdate();
        }
        List<String> repack = new ArrayList<>(List.of("-c", "repack.useDeltaBaseOffset=" + offsets, "repack", "-a", "-d",
                "-f", "-q"));
        repack.addAll(repackOptions);
        GitCli.git(gitDir.toFile(), repack.toArray(String[]::new));
        GitCli.git(gitDir.toFile(), "prune-packed");
        return roots;
    }

    private static ObjectId writeTree(ObjectInserter inserter, TreeMap<String, String> pages, String prefix)
            throws IOException {
        TreeFormatter tree = new TreeFormatter();
        TreeMap<String, TreeMap<String, String>> folders = new TreeMap<>();
        TreeMap<String, ObjectId> files = new TreeMap<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            int slash = page.getKey().indexOf('/');
            if (slash < 0) {
                files.put(page.getKey(), inserter.insert(Constants.OBJ_BLOB,
                        page.getValue().getBytes(StandardCharsets.UTF_8)));
            } else {
                folders.computeIfAbsent(page.getKey().substring(0, slash), f -> new TreeMap<>())
                        .put(page.getKey().substring(slash + 1), page.getValue());
            }
        }
        // Git's order: folders sort as if their name ended in "/", which here never ties with a file.
        TreeMap<String, Object> entries = new TreeMap<>();
        files.forEach(entries::put);
        folders.forEach((name, content) -> entries.put(name, content));
        for (Map.Entry<String, Object> entry : entries.entrySet()) {
            if (entry.getValue() instanceof ObjectId blob) {
                tree.append(entry.getKey(), FileMode.REGULAR_FILE, blob);
            } else {
                @SuppressWarnings("unchecked")
                TreeMap<String, String> content = (TreeMap<String, String>) entry.getValue();
                tree.append(entry.getKey(), FileMode.TREE, writeTree(inserter, content, prefix + entry.getKey() + "/"));
            }
        }
        return inserter.insert(tree);
    }

    /** How many trees each differ rebuilt from deltas. */
    private record Compared(int rebuilt, int plainRebuilt) {}

    /**
     * Diffs each pair of trees (from, to) with a differ that rebuilds trees from their deltas and
     * with one that reads every tree through JGit: both must report the same changes, {@code
     * changes} of them (at least one when negative).
     */
    private Compared compareDiffs(String name, List<ObjectId[]> pairs, int changes) throws IOException {
        try (Repository repository = open(name);
                ObjectReader reader = repository.newObjectReader();
                ObjectReader plainReader = repository.newObjectReader();
                PackedDeltas deltas = PackedDeltas.of(repository)) {
            TreeDiffer rebuilding = new TreeDiffer(reader, deltas);
            TreeDiffer plain = new TreeDiffer(plainReader);
            for (ObjectId[] pair : pairs) {
                List<String> rebuilt = describe(rebuilding.diff(pair[0], pair[1]));
                List<String> expected = describe(plain.diff(pair[0], pair[1]));
                assertThat(rebuilt).isEqualTo(expected);
                if (changes < 0) {
                    assertThat(expected).isNotEmpty();
                } else {
                    assertThat(expected).hasSize(changes);
                }
            }
            return new Compared(rebuilding.treesRebuilt(), plain.treesRebuilt());
        }
    }

    private Repository open(String name) throws IOException {
        return new FileRepositoryBuilder().setGitDir(dir.resolve(name).toFile()).setBare().build();
    }

    private static List<String> describe(List<DiffEntry> entries) {
        List<String> out = new ArrayList<>();
        for (DiffEntry e : entries) {
            out.add(e.getChangeType() + " " + e.getOldPath() + " " + e.getNewPath() + " " + e.getOldMode() + " "
                    + e.getNewMode() + " " + e.getOldId().name() + " " + e.getNewId().name());
        }
        return out;
    }
}
