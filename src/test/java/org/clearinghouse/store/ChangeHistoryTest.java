package org.clearinghouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.BlameLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the revision index is fed: changes per commit with renames, blame, and git-style diffs. */
class ChangeHistoryTest {
    private static final Author ALICE = new Author("Alice Archivist", "alice@example.org");
    private static final Author BOB = new Author("Bob Binder", "bob@example.org");
    private static final String GUIDE = "# Guide\n\nOne line.\nTwo lines.\nThree lines.\nFour lines.\n";

    @TempDir
    Path dir;

    private ContentStore store;
    private String seedCommit;

    @BeforeEach
    void seed() throws IOException {
        Path seed = dir.resolve("seed");
        Files.createDirectories(seed);
        Files.writeString(seed.resolve("Home.md"), "# Home\n");
        Files.writeString(seed.resolve("Guide.md"), GUIDE);
        store = ContentStore.openOrSeed(dir.resolve("content.git"), seed);
        seedCommit = store.head().orElseThrow();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aLongHistoryIsWalkedOnSeveralThreadsAndStillReportedInOrder() throws Exception {
        List<String> commits = new ArrayList<>();
        commits.add(seedCommit);
        for (int i = 0; i < 400; i++) {
            String file = "p" + (i % 9) + ".md";
            commits.add(store.commit(store.head(), Map.of(file, Optional.of(("# P\n\nEdit " + i + ".\n")
                    .getBytes(StandardCharsets.UTF_8))), i % 2 == 0 ? ALICE : BOB, "Edit " + i));
        }
        store.close();
        // A fresh store: it has no record of the commits it wrote, so every one is diffed from trees.
        store = ContentStore.openOrSeed(dir.resolve("content.git"), dir.resolve("seed"));
        List<CommitChanges> walked = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        store.walkChanges(Optional.empty(), commits.get(commits.size() - 1), (changes, blobs) -> {
            threads.add(Thread.currentThread().getName());
            // Each thread's blob reader reads the version the commit wrote.
            String text = changes.changes().isEmpty() ? ""
                    : new String(blobs.blob(changes.changes().get(0).newBlobId().orElseThrow()), StandardCharsets.UTF_8);
            return Map.entry(changes, text);
        }, entry -> {
            walked.add(entry.getKey());
            texts.add(entry.getValue());
        });

        assertThat(walked).extracting(c -> c.revision().id()).containsExactlyElementsOf(commits);
        for (int i = 0; i < 400; i++) {
            CommitChanges commit = walked.get(i + 1);
            assertThat(commit.parent()).contains(commits.get(i));
            assertThat(commit.changes()).extracting(PathChange::path).containsExactly("p" + (i % 9) + ".md");
            assertThat(commit.changes().get(0).type()).isEqualTo(i < 9 ? PathChange.Type.ADD : PathChange.Type.MODIFY);
            assertThat(texts.get(i + 1)).isEqualTo("# P\n\nEdit " + i + ".\n");
        }
        assertThat(threads).as("diffed off the calling thread").noneMatch(Thread.currentThread().getName()::equals);
    }

    @Test
    void reportsEachCommitOldestFirstWithKindsSizesAndRenames() throws Exception {
        String modify = commit(Map.of("Home.md", Optional.of("# Home\n\nWelcome!\n")), ALICE, "Welcome");
        Map<String, Optional<String>> rename = new LinkedHashMap<>();
        rename.put("Guide.md", Optional.empty());
        rename.put("Kits/Guide.md", Optional.of(GUIDE.replace("Four", "Five")));
        String renamed = commit(rename, BOB, "Move the guide");
        String deleted = commit(Map.of("Home.md", Optional.empty()), BOB, "Remove home");

        List<CommitChanges> all = walk(Optional.empty());
        assertThat(all).extracting(c -> c.revision().id()).containsExactly(seedCommit, modify, renamed, deleted);
        assertThat(all.get(0).parent()).isEmpty();
        assertThat(all.get(0).changes()).extracting(PathChange::type, PathChange::path)
                .containsExactly(tuple(PathChange.Type.ADD, "Guide.md"), tuple(PathChange.Type.ADD, "Home.md"));

        CommitChanges welcome = all.get(1);
        assertThat(welcome.parent()).contains(seedCommit);
        assertThat(welcome.revision().author()).isEqualTo(ALICE);
        assertThat(welcome.revision().message()).isEqualTo("Welcome");
        assertThat(welcome.changes()).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(PathChange.Type.MODIFY);
            assertThat(change.sizeDelta()).isEqualTo("\nWelcome!\n".length());
        });

        PathChange move = all.get(2).changes().get(0);
        assertThat(all.get(2).changes()).hasSize(1);
        assertThat(move.type()).isEqualTo(PathChange.Type.RENAME);
        assertThat(move.oldPath()).contains("Guide.md");
        assertThat(move.newPath()).contains("Kits/Guide.md");

        assertThat(all.get(3).changes()).extracting(PathChange::type, PathChange::path, PathChange::sizeDelta)
                .containsExactly(tuple(PathChange.Type.DELETE, "Home.md", -(long) "# Home\n\nWelcome!\n".length()));

        assertThat(walk(Optional.of(modify))).extracting(c -> c.revision().id()).containsExactly(renamed, deleted);
        assertThat(store.isAncestor(seedCommit, deleted)).isTrue();
        assertThat(store.isAncestor(deleted, seedCommit)).isFalse();
    }

    @Test
    void aMergeListsOnlyWhatItDecidedItself() throws Exception {
        String ours = commit(Map.of("Home.md", Optional.of("# Home, ours\n")), ALICE, "Ours");
        // A side branch: main back at the seed, one commit on it, then the merge made with plain git.
        git("update-ref", "refs/heads/main", seedCommit);
        String theirs = store.commit(Optional.of(seedCommit), Map.of("Guide.md", Optional.of(bytes(GUIDE + "More.\n"))),
                BOB, "Theirs, made elsewhere");
        String mergedTree = git("write-tree-of", ours, theirs);
        String merge = git("commit-tree", mergedTree, "-p", ours, "-p", theirs, "-m", "Merge").strip();
        git("update-ref", "refs/heads/main", merge);
        List<CommitChanges> range = walk(Optional.of(seedCommit));
        assertThat(range).extracting(c -> c.revision().id()).containsExactlyInAnyOrder(ours, theirs, merge);
        CommitChanges mergeChanges = range.get(2);
        assertThat(mergeChanges.merge()).isTrue();
        assertThat(mergeChanges.revision().id()).isEqualTo(merge);
        assertThat(mergeChanges.changes()).extracting(PathChange::path).containsExactly("Notes.md");
    }

    @Test
    void unifiedDiffMatchesGitDiff() throws Exception {
        String changed = commit(Map.of("Guide.md", Optional.of(GUIDE.replace("Two lines.", "Two lines, edited.")
                + "No newline at the end")), ALICE, "Edit");
        String expected = git("diff", seedCommit, changed, "--", "Guide.md");
        assertThat(store.unifiedDiff(seedCommit, Optional.of("Guide.md"), changed, Optional.of("Guide.md")))
                .isEqualTo(expected)
                .contains("-Two lines.\n+Two lines, edited.\n")
                .contains("\\ No newline at end of file");
        String added = commit(Map.of("New.md", Optional.of("# New\n")), ALICE, "Add");
        assertThat(store.unifiedDiff(changed, Optional.of("New.md"), added, Optional.of("New.md")))
                .isEqualTo(git("diff", changed, added, "--", "New.md"))
                .contains("--- /dev/null\n+++ b/New.md\n@@ -0,0 +1 @@\n+# New\n");
        assertThat(store.unifiedDiff(added, Optional.of("Home.md"), added, Optional.of("Home.md"))).isEmpty();
        Map<String, Optional<String>> rename = new LinkedHashMap<>();
        rename.put("Guide.md", Optional.empty());
        rename.put("Kits/Guide.md", Optional.of(GUIDE.replace("Two lines.", "Two lines, edited.")
                .replace("Four lines.", "Four lines, and a fifth.") + "No newline at the end"));
        String moved = commit(rename, ALICE, "Move");
        assertThat(store.unifiedDiff(added, Optional.of("Guide.md"), moved, Optional.of("Kits/Guide.md")))
                .isEqualTo(git("diff", "-M", added, moved, "--", "Guide.md", "Kits/Guide.md")
                        .replaceFirst("similarity index \\d+%\n", ""))
                .contains("rename from Guide.md\nrename to Kits/Guide.md\n");
    }

    @Test
    void blameNamesTheCommitOfEveryLineAcrossARename() throws Exception {
        Map<String, Optional<String>> rename = new LinkedHashMap<>();
        rename.put("Guide.md", Optional.empty());
        rename.put("Kits/Guide.md", Optional.of(GUIDE));
        String moved = commit(rename, ALICE, "Move");
        String edited = commit(Map.of("Kits/Guide.md", Optional.of(GUIDE.replace("Three", "3"))), BOB, "Digits");
        List<BlameLine> lines = store.blame(edited, "Kits/Guide.md").orElseThrow();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0).text()).isEqualTo("# Guide");
        assertThat(lines.get(0).revision().id()).isEqualTo(seedCommit);
        assertThat(lines.get(0).sourcePath()).isEqualTo("Guide.md");
        assertThat(lines.get(4).text()).isEqualTo("3 lines.");
        assertThat(lines.get(4).revision().id()).isEqualTo(edited);
        assertThat(lines.get(4).revision().author()).isEqualTo(BOB);
        assertThat(lines).extracting(BlameLine::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(store.blame(moved, "Missing.md")).isEmpty();
    }

    private List<CommitChanges> walk(Optional<String> from) {
        List<CommitChanges> all = new ArrayList<>();
        store.walkChanges(from, store.head().orElseThrow(), all::add);
        return all;
    }

    private String commit(Map<String, Optional<String>> files, Author author, String message) throws Exception {
        Map<String, Optional<byte[]>> changes = new LinkedHashMap<>();
        files.forEach((path, text) -> changes.put(path, text.map(ChangeHistoryTest::bytes)));
        return store.commit(store.head(), changes, author, message);
    }

    /** Runs git on the bare repository; "write-tree-of" builds the merged tree of two commits plus Notes.md. */
    private String git(String... args) throws Exception {
        if (args[0].equals("write-tree-of")) {
            String index = dir.resolve("merge-index").toString();
            run(Map.of("GIT_INDEX_FILE", index), "read-tree", args[1]);
            String guide = run(Map.of(), "rev-parse", args[2] + ":Guide.md").strip();
            run(Map.of("GIT_INDEX_FILE", index), "update-index", "--add", "--cacheinfo", "100644," + guide + ",Guide.md");
            Path notes = dir.resolve("notes.txt");
            Files.writeString(notes, "Decided in the merge\n");
            String blob = run(Map.of(), "hash-object", "-w", notes.toString()).strip();
            run(Map.of("GIT_INDEX_FILE", index), "update-index", "--add", "--cacheinfo", "100644," + blob + ",Notes.md");
            return run(Map.of("GIT_INDEX_FILE", index), "write-tree").strip();
        }
        return run(Map.of(), args);
    }

    private String run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "--git-dir", dir.resolve("content.git").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().putAll(Map.of("GIT_AUTHOR_NAME", "Git", "GIT_AUTHOR_EMAIL", "git@example.org",
                "GIT_COMMITTER_NAME", "Git", "GIT_COMMITTER_EMAIL", "git@example.org"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("git %s: %s", command, out).isZero();
        return out;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
