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
            ObjectId viaJGit = write(repository, pages, Optional.empty());
            viaJdk = write(repository, Map.of("Extra.md", Optional.of(new byte[] {'x'})),
                    WideTreeWriter.of(repository), viaJGit);
            ObjectId expected = write(repository, Map.of("Extra.md", Optional.of(new byte[] {'x'})),
                    Optional.empty(), viaJGit);
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
        assertThat(git(gitDir, "cat-file", "-t", viaJdk.name())).isEqualTo("tree");
        git(gitDir, "fsck", "--no-dangling");
    }

    /** Runs git on the repository; answers its output, failing the test when git fails. */
    private static String git(File gitDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "--git-dir", gitDir.getPath()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            assertThat(process.waitFor()).as("git %s: %s", String.join(" ", args), output).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return output;
    }

    private static ObjectId write(Repository repository, Map<String, Optional<byte[]>> changes,
            Optional<WideTreeWriter> wide) throws IOException {
        return write(repository, changes, wide, null);
    }

    private static ObjectId write(Repository repository, Map<String, Optional<byte[]>> changes,
            Optional<WideTreeWriter> wide, ObjectId base) throws IOException {
        try (ObjectInserter inserter = repository.newObjectInserter(); ObjectReader reader = inserter.newReader()) {
            ObjectId tree = new TreeEdit(reader, inserter, wide).write(base, changes);
            inserter.flush();
            return tree;
        }
    }
}
