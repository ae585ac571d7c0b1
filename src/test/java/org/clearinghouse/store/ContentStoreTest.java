package org.clearinghouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.RevisionNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store against a real bare repository in a temporary folder. */
class ContentStoreTest {
    private static final Author ALICE = new Author("Alice Archivist", "alice@example.org");

    @TempDir
    Path dir;

    private Path seed;
    private ContentStore store;

    @BeforeEach
    void seedAndOpen() throws IOException {
        seed = dir.resolve("seed");
        write(seed.resolve("Home.md"), "# Home\n");
        write(seed.resolve("Career-Day/Planning.md"), "# Planning\n");
        write(seed.resolve("images/logo.png"), "png");
        write(seed.resolve(".hidden/secret.md"), "not imported");
        write(seed.resolve("bad name.md"), "not imported");
        store = ContentStore.openOrSeed(dir.resolve("data/content.git"), seed);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void seedsABareRepositoryOnMainWithOneCommit() {
        String head = store.head().orElseThrow();
        assertThat(head).matches("[0-9a-f]{40}");
        assertThat(store.tree(head).files().keySet())
                .containsExactly("Career-Day/Planning.md", "Home.md", "images/logo.png");
        assertThat(Files.exists(dir.resolve("data/content.git/HEAD"))).isTrue();
        assertThat(Files.exists(dir.resolve("data/content.git/refs/heads/main"))
                || Files.exists(dir.resolve("data/content.git/packed-refs"))).isTrue();
        assertThat(store.revision(head).message()).startsWith("Import the seed content");
    }

    @Test
    void reopeningDoesNotSeedAgain() throws IOException {
        String head = store.head().orElseThrow();
        store.close();
        write(seed.resolve("New.md"), "new");
        store = ContentStore.openOrSeed(dir.resolve("data/content.git"), seed);
        assertThat(store.head()).contains(head);
        assertThat(store.tree(head).files()).doesNotContainKey("New.md");
    }

    @Test
    void commitsWithTheAuthorAndReadsOldRevisions() throws Exception {
        String first = store.head().orElseThrow();
        String second = store.commit(Optional.of(first), Map.of("Home.md", Optional.of(bytes("# Home v2\n"))),
                ALICE, "Reword the home page");
        assertThat(store.head()).contains(second);
        assertThat(text(store.blobIdAt(second, "Home.md").orElseThrow())).isEqualTo("# Home v2\n");
        assertThat(text(store.blobIdAt(first, "Home.md").orElseThrow())).isEqualTo("# Home\n");
        assertThat(store.revision(second).author()).isEqualTo(ALICE);
        assertThat(store.lastChange(second, "Home.md").orElseThrow().id()).isEqualTo(second);
        assertThat(store.lastChange(second, "Career-Day/Planning.md").orElseThrow().id()).isEqualTo(first);
        assertThat(store.lastChanges(second, Set.of("Home.md", "Career-Day/Planning.md")))
                .extractingByKeys("Home.md", "Career-Day/Planning.md")
                .extracting(r -> r.id()).containsExactly(second, first);
    }

    @Test
    void aCommitOnAStaleBaseIsRejectedAndWritesNothing() throws Exception {
        String base = store.head().orElseThrow();
        String winner = store.commit(Optional.of(base), Map.of("Home.md", Optional.of(bytes("winner"))),
                ALICE, "First");
        assertThatThrownBy(() -> store.commit(Optional.of(base), Map.of("Home.md", Optional.of(bytes("loser"))),
                ALICE, "Second"))
                .isInstanceOf(CommitRejectedException.class)
                .satisfies(e -> assertThat(((CommitRejectedException) e).actualHead()).isEqualTo(winner));
        assertThat(store.head()).contains(winner);
    }

    @Test
    void deletesAndReportsTreeDifferences() throws Exception {
        String base = store.head().orElseThrow();
        Map<String, Optional<byte[]>> changes = new LinkedHashMap<>();
        changes.put("Career-Day/Planning.md", Optional.empty());
        changes.put("Career-Day/Timeline.md", Optional.of(bytes("# Timeline")));
        String next = store.commit(Optional.of(base), changes, ALICE, "Move planning");
        assertThat(store.tree(next).files()).doesNotContainKey("Career-Day/Planning.md")
                .containsKey("Career-Day/Timeline.md");
        assertThat(store.diff(Optional.of(base), next))
                .extracting(FileChange::path, FileChange::isDelete)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Career-Day/Planning.md", true),
                        org.assertj.core.groups.Tuple.tuple("Career-Day/Timeline.md", false));
    }

    @Test
    void resolvesFullAndAbbreviatedRevisionsAndRejectsOthers() {
        String head = store.head().orElseThrow();
        assertThat(store.resolveCommit(head)).isEqualTo(head);
        assertThat(store.resolveCommit(head.substring(0, 7))).isEqualTo(head);
        assertThat(store.resolveCommit(head.toUpperCase())).isEqualTo(head);
        for (String bad : new String[] {"HEAD", "main", "HEAD~1", "zzzzzzz", "abc", "0".repeat(40), ""}) {
            assertThatThrownBy(() -> store.resolveCommit(bad)).isInstanceOf(RevisionNotFoundException.class);
        }
        String blob = store.blobIdAt(head, "Home.md").orElseThrow();
        assertThatThrownBy(() -> store.resolveCommit(blob)).isInstanceOf(RevisionNotFoundException.class);
    }

    @Test
    void removesAStaleBranchLockLeftByAKilledProcess() throws Exception {
        store.close();
        Path lock = dir.resolve("data/content.git/refs/heads/main.lock");
        Files.writeString(lock, "0000");
        store = ContentStore.openOrSeed(dir.resolve("data/content.git"), seed);
        assertThat(lock).doesNotExist();
        String base = store.head().orElseThrow();
        assertThat(store.commit(Optional.of(base), Map.of("Home.md", Optional.of(bytes("after lock"))),
                ALICE, "Save after a crash")).isNotEqualTo(base);
    }

    @Test
    void configuresFsyncSoAcknowledgedSavesSurvivePowerLoss() throws IOException {
        String config = Files.readString(dir.resolve("data/content.git/config"));
        assertThat(config).contains("fsync = committed").doesNotContain("fsyncObjectFiles");
    }

    private String text(String blobId) {
        return new String(store.blob(blobId), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
