package org.clearinghouse.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.page.Author;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joining a local history with a central one that moved too: file-by-file three-way merges. */
class CentralMergeTest {
    private static final Author A = new Author("A", "a@example.org");

    @TempDir
    Path dir;

    @Test
    void cleanChangesMergeAndAConflictKeepsBothTexts() throws Exception {
        Files.createDirectories(dir.resolve("seed"));
        Files.writeString(dir.resolve("seed/Page.md"), "one\n\ntwo\n\nthree\n");
        Files.writeString(dir.resolve("seed/Other.md"), "same\n");
        try (ContentStore store = ContentStore.openOrSeed(dir.resolve("c.git"), dir.resolve("seed"))) {
            String base = store.head().orElseThrow();
            String central = store.commit(Optional.of(base), Map.of(
                    "Page.md", bytes("one\n\ntwo (central)\n\nthree\n"),
                    "Other.md", bytes("central change\n"),
                    "New.md", bytes("from central\n")), A, "central");
            resetMain(store, base); // as if the central commit had been made by another instance
            String local = store.commit(Optional.of(base), Map.of(
                    "Page.md", bytes("one (local)\n\ntwo (local)\n\nthree\n")), A, "local");
            ContentStore.MergeResult merge = store.mergeWithCentral(local, central, A);
            assertThat(merge.conflicts()).containsExactly("Page.md");
            assertThat(text(store, merge.commit(), "Page.md")).isEqualTo("one (local)\n\ntwo (local)\n\nthree\n");
            assertThat(text(store, merge.commit(), "Other.md")).isEqualTo("central change\n");
            assertThat(text(store, merge.commit(), "New.md")).isEqualTo("from central\n");
            assertThat(store.isAncestor(central, merge.commit())).isTrue();
            assertThat(store.isAncestor(local, merge.commit())).isTrue();
        }
    }

    private static void resetMain(ContentStore store, String commit) throws Exception {
        var update = store.repository().updateRef(ContentStore.BRANCH_REF);
        update.setNewObjectId(org.eclipse.jgit.lib.ObjectId.fromString(commit));
        update.setForceUpdate(true);
        assertThat(update.update()).isEqualTo(org.eclipse.jgit.lib.RefUpdate.Result.FORCED);
    }

    private static Optional<byte[]> bytes(String text) {
        return Optional.of(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ContentStore store, String commit, String path) {
        return new String(store.blob(store.blobIdAt(commit, path).orElseThrow()), StandardCharsets.UTF_8);
    }
}
