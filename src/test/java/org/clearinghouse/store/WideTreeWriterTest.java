package org.clearinghouse.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wide folder written with the JDK's SHA-1 is the very object JGit would have written. */
class WideTreeWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesTheObjectJGitWouldWrite() throws IOException {
        Map<String, Optional<byte[]>> pages = new LinkedHashMap<>();
        for (int i = 0; i < 3000; i++) {
            pages.put("Page-" + i + ".md", Optional.of(("# Page " + i + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        File gitDir = dir.resolve("content.git").toFile();
        ObjectId viaJdk;
        try (Repository repository = FileRepositoryBuilder.create(gitDir)) {
            repository.create(true);
            ObjectId viaJGit = write(repository, pages, false, null);
            viaJdk = write(repository, Map.of("Extra.md", Optional.of(new byte[] {'x'})), true, viaJGit);
            ObjectId expected = write(repository, Map.of("Extra.md", Optional.of(new byte[] {'x'})), false,
                    viaJGit);
            assertThat(viaJdk).isEqualTo(expected);

            try (ObjectReader reader = repository.newObjectReader()) {
                byte[] bytes = reader.open(viaJdk, Constants.OBJ_TREE).getCachedBytes();
                assertThat(bytes.length).isGreaterThan(WideTreeWriter.WIDE);
                assertThat(new ObjectInserter.Formatter().idFor(Constants.OBJ_TREE, bytes)).isEqualTo(viaJdk);
            }
        }
        // A fresh repository object (no cache of what was written) reads it from its loose file.
        try (Repository reopened = FileRepositoryBuilder.create(gitDir); ObjectReader reader = reopened.newObjectReader()) {
            byte[] bytes = reader.open(viaJdk, Constants.OBJ_TREE).getCachedBytes();
            assertThat(new ObjectInserter.Formatter().idFor(Constants.OBJ_TREE, bytes)).isEqualTo(viaJdk);
        }
        // Git itself reads it and finds nothing wrong with the repository.
        assertThat(GitCli.git(gitDir, "cat-file", "-t", viaJdk.name())).isEqualTo("tree");
        GitCli.git(gitDir, "fsck", "--no-dangling");
    }

    @Test
    void successiveEditsFromTheKeptTreeMatchJGit() throws IOException {
        Map<String, Optional<byte[]>> pages = new LinkedHashMap<>();
        for (int i = 0; i < 3000; i++) {
            pages.put("Page-" + i + ".md", Optional.of(("# Page " + i + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        File gitDir = dir.resolve("content.git").toFile();
        try (Repository repository = FileRepositoryBuilder.create(gitDir)) {
            repository.create(true);
            ObjectId viaBatch = write(repository, pages, false, null);
            ObjectId viaJGit = viaBatch;
            WideTreeWriter wide = new WideTreeWriter();
            for (int edit = 0; edit < 5; edit++) {
                // An edit, an added page that sorts between two others, and a deleted page.
                Map<String, Optional<byte[]>> changes = new LinkedHashMap<>();
                changes.put("Page-" + (edit * 7) + ".md", Optional.of(("edit " + edit).getBytes(StandardCharsets.UTF_8)));
                changes.put("Page-1" + edit + "a.md", Optional.of(new byte[] {'n', (byte) ('0' + edit)}));
                changes.put("Page-" + (2000 + edit) + ".md", Optional.empty());
                try (ObjectInserter inserter = LooseObjectBatch.of(repository).orElseThrow();
                        ObjectReader reader = inserter.newReader()) {
                    viaBatch = new TreeEdit(reader, inserter, wide).write(viaBatch, changes);
                    inserter.flush();
                }
                viaJGit = write(repository, changes, false, viaJGit);
                assertThat(viaBatch).isEqualTo(viaJGit);
                assertThat(wide.recent(viaBatch)).as("the next edit starts from the kept tree").isPresent();
            }
        }
        GitCli.git(gitDir, "fsck", "--no-dangling");
    }

    /** Writes a tree through a {@link LooseObjectBatch} (JDK hashing) or JGit's inserter. */
    private static ObjectId write(Repository repository, Map<String, Optional<byte[]>> changes, boolean batch,
            ObjectId base) throws IOException {
        try (ObjectInserter inserter = batch ? LooseObjectBatch.of(repository).orElseThrow()
                : repository.newObjectInserter(); ObjectReader reader = inserter.newReader()) {
            ObjectId tree = new TreeEdit(reader, inserter).write(base, changes);
            inserter.flush();
            return tree;
        }
    }
}
