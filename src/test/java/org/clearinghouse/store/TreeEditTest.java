package org.clearinghouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.clearinghouse.page.BadRequestException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;

/** Editing a tree path by path gives the tree a DirCache of every file would give. */
class TreeEditTest {
    private final Repository repository = new InMemoryRepository(new DfsRepositoryDescription("test"));

    private static Optional<byte[]> text(String text) {
        return Optional.of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The reference: every file of the base in a DirCache, the changes applied, every tree written. */
    private ObjectId withDirCache(ObjectId base, Map<String, Optional<byte[]>> changes) throws IOException {
        try (ObjectInserter inserter = repository.newObjectInserter(); ObjectReader reader = inserter.newReader()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            if (base != null) {
                builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, base);
            }
            builder.finish();
            DirCacheEditor editor = index.editor();
            for (Map.Entry<String, Optional<byte[]>> change : changes.entrySet()) {
                if (change.getValue().isEmpty()) {
                    editor.add(new DirCacheEditor.DeletePath(change.getKey()));
                } else {
                    ObjectId blob = inserter.insert(Constants.OBJ_BLOB, change.getValue().get());
                    editor.add(new DirCacheEditor.PathEdit(change.getKey()) {
                        @Override
                        public void apply(DirCacheEntry entry) {
                            entry.setFileMode(FileMode.REGULAR_FILE);
                            entry.setObjectId(blob);
                        }
                    });
                }
            }
            editor.finish();
            ObjectId tree = index.writeTree(inserter);
            inserter.flush();
            return tree;
        }
    }

    private TreeEdit edit;

    private ObjectId withTreeEdit(ObjectId base, Map<String, Optional<byte[]>> changes) throws IOException {
        try (ObjectInserter inserter = repository.newObjectInserter(); ObjectReader reader = inserter.newReader()) {
            edit = new TreeEdit(reader, inserter);
            ObjectId tree = edit.write(base, changes);
            inserter.flush();
            return tree;
        }
    }

    @Test
    void givesTheSameTreesAsADirCache() throws IOException {
        Map<String, Optional<byte[]>> seed = new LinkedHashMap<>();
        for (String path : List.of("Home.md", "a.md", "a-b.md", "a/x.md", "a/b/c.md", "a0.md", "Zeta.md",
                "Career-Day/Planning.md", "Career-Day.md", "images/logo.png", "Ünïcode.md", "a/b.md")) {
            seed.put(path, text("# " + path + "\n"));
        }
        ObjectId base = withDirCache(null, seed);
        assertThat(withTreeEdit(null, seed)).isEqualTo(base);

        List<Map<String, Optional<byte[]>>> edits = List.of(
                Map.of("Home.md", text("changed\n")),
                Map.of("New.md", text("new\n"), "a/b/d.md", text("deep\n")),
                Map.of("a/b/c.md", Optional.empty(), "a/x.md", Optional.empty()), // a/b.md keeps a/
                Map.of("a/b/c.md", Optional.empty(), "a/x.md", Optional.empty(), "a/b.md", Optional.empty()),
                Map.of("Missing.md", Optional.empty(), "nowhere/x.md", Optional.empty(), "a", Optional.empty()),
                Map.of("Home.md", text("# Home.md\n")), // unchanged content
                Map.of("a.md", Optional.empty(), "a.md/file.pdf", text("pdf")), // a file becomes a folder
                Map.of("Career-Day/Planning.md", text("p\n"), "Career-Day/Budget.md", text("b\n")));
        for (Map<String, Optional<byte[]>> changes : edits) {
            assertThat(withTreeEdit(base, changes)).as("%s", changes.keySet()).isEqualTo(withDirCache(base, changes));
        }
    }

    /**
     * Random edits of a wide folder with nested ones, with names that sort next to each other in
     * Git's order ({@code a-b}, {@code a.b}, {@code a/}, {@code a0}): several inserts between the
     * same two entries, replacements, deletions, folders appearing and emptying.
     */
    @Test
    void givesTheSameTreesAsADirCacheForRandomEdits() throws IOException {
        Random random = new Random(7);
        List<String> names = List.of("a", "a-b", "a.b", "a0", "ab", "b", "B", "z", "Ü", "a b");
        Map<String, Optional<byte[]>> seed = new LinkedHashMap<>();
        for (int i = 0; i < 400; i++) {
            seed.put(randomPath(random, names) , text("seed " + i + "\n"));
        }
        seed.keySet().removeIf(path -> seed.keySet().stream().anyMatch(other -> other.startsWith(path + "/")));
        ObjectId base = withDirCache(null, seed);
        int compared = 0;
        for (int round = 0; round < 300; round++) {
            Map<String, Optional<byte[]>> changes = new LinkedHashMap<>();
            int count = 1 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                String path = random.nextInt(3) == 0 && !seed.isEmpty()
                        ? List.copyOf(seed.keySet()).get(random.nextInt(seed.size())) : randomPath(random, names);
                changes.put(path, random.nextInt(3) == 0 ? Optional.empty() : text("round " + round + "\n"));
            }
            ObjectId edited;
            try {
                edited = withTreeEdit(base, changes);
            } catch (BadRequestException clash) {
                continue; // a file and a folder of one name: refused, and a DirCache would not refuse it
            }
            assertThat(edited).as("%s", changes.keySet()).isEqualTo(withDirCache(base, changes));
            compared++;
        }
        assertThat(compared).isGreaterThan(200);
    }

    private static String randomPath(Random random, List<String> names) {
        int depth = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(2);
        StringBuilder path = new StringBuilder();
        for (int level = 0; level < depth; level++) {
            if (level > 0) {
                path.append('/');
            }
            path.append(names.get(random.nextInt(names.size()))).append(random.nextInt(level == 0 ? 40 : 4));
        }
        return path.append(".md").toString();
    }

    @Test
    void reportsTheFilesAsADiffWould() throws IOException {
        ObjectId base = withDirCache(null, Map.of("Home.md", text("home\n"), "Old.md", text("old\n")));
        withTreeEdit(base, Map.of("Home.md", text("home 2\n"), "Old.md", Optional.empty(),
                "New.md", text("new\n"), "Gone.md", Optional.empty()));
        List<FileChange> changes = edit.changes().orElseThrow();
        assertThat(changes).extracting(FileChange::path).containsExactlyInAnyOrder("Home.md", "Old.md", "New.md");
        assertThat(changes).filteredOn(c -> c.path().equals("Old.md")).allMatch(FileChange::isDelete);
        assertThat(changes).filteredOn(c -> c.path().equals("New.md")).allMatch(c -> c.oldBlobId().isEmpty());

        withTreeEdit(base, Map.of("Home.md", text("home\n")));
        assertThat(edit.changes().orElseThrow()).isEmpty();
    }

    @Test
    void refusesAFileAndAFolderOfOneName() throws IOException {
        ObjectId base = withDirCache(null, Map.of("a.md", text("a\n"), "f/x.md", text("x\n")));
        assertThatThrownBy(() -> withTreeEdit(base, Map.of("a.md/x.pdf", text("x"))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("a.md");
        assertThatThrownBy(() -> withTreeEdit(base, Map.of("f", text("x"))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("f");
        assertThatThrownBy(() -> withTreeEdit(base, Map.of("n.md", text("n"), "n.md/y.pdf", text("y"))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("n.md");
    }
}
