package org.clearinghouse.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Objects written as a batch appear all at once, as JGit and git would write them, or not at all. */
class LooseObjectBatchTest {
    @TempDir
    Path dir;

    private File gitDir;

    @BeforeEach
    void createRepository() throws IOException {
        gitDir = dir.resolve("content.git").toFile();
        try (Repository repository = FileRepositoryBuilder.create(gitDir)) {
            repository.create(true);
        }
    }

    @Test
    void objectsAppearOnlyWhenFlushedWithJGitsIds() throws IOException {
        byte[] page = "# Career day\n\nBring bookmarks.\n".getBytes(StandardCharsets.UTF_8);
        byte[] large = new byte[300_000];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) ('a' + i % 26);
        }
        try (Repository repository = open(); ObjectReader reader = repository.newObjectReader()) {
            LooseObjectBatch batch = LooseObjectBatch.of(repository).orElseThrow();
            ObjectId small = batch.insert(Constants.OBJ_BLOB, page);
            ObjectId big = batch.insert(Constants.OBJ_BLOB, large);
            ObjectInserter.Formatter jgit = new ObjectInserter.Formatter();
            assertThat(small).isEqualTo(jgit.idFor(Constants.OBJ_BLOB, page));
            assertThat(big).isEqualTo(jgit.idFor(Constants.OBJ_BLOB, large));
            assertThat(reader.has(small)).as("readable before the flush").isFalse();

            batch.flush();
            batch.close();

            assertThat(reader.open(small).getCachedBytes()).isEqualTo(page);
            assertThat(reader.open(big).getCachedBytes()).isEqualTo(large);
        }
        assertThat(temporaryFiles()).isEmpty();
        String pageId = new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, page).name();
        assertThat(GitCli.git(gitDir, "cat-file", "-p", pageId)).isEqualTo("# Career day\n\nBring bookmarks.");
        GitCli.git(gitDir, "fsck", "--no-dangling");
    }

    @Test
    void aBatchClosedWithoutFlushLeavesNothingBehind() throws IOException {
        ObjectId id;
        try (Repository repository = open()) {
            try (LooseObjectBatch batch = LooseObjectBatch.of(repository).orElseThrow()) {
                id = batch.insert(Constants.OBJ_BLOB, "never kept".getBytes(StandardCharsets.UTF_8));
                assertThat(temporaryFiles()).hasSize(1);
            }
            try (ObjectReader reader = repository.newObjectReader()) {
                assertThat(reader.has(id)).isFalse();
            }
        }
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void anObjectTheRepositoryHasIsNotWrittenAgain() throws IOException {
        byte[] text = "same text".getBytes(StandardCharsets.UTF_8);
        try (Repository repository = open()) {
            try (LooseObjectBatch first = LooseObjectBatch.of(repository).orElseThrow()) {
                first.insert(Constants.OBJ_BLOB, text);
                first.insert(Constants.OBJ_BLOB, text);
                assertThat(temporaryFiles()).as("one file for the same object twice").hasSize(1);
                first.flush();
            }
            try (LooseObjectBatch second = LooseObjectBatch.of(repository).orElseThrow()) {
                second.insert(Constants.OBJ_BLOB, text);
                assertThat(temporaryFiles()).isEmpty();
                second.flush();
            }
        }
    }

    private Repository open() throws IOException {
        Repository repository = new FileRepositoryBuilder().setGitDir(gitDir).setBare().build();
        RepositoryOpener.applyJGitDurability(repository);
        return repository;
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(gitDir.toPath().resolve("objects"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
