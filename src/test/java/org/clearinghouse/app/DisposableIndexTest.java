package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DATA/index/ is derived data: deleted, corrupted, or stamped with a commit that history
 * rewritten from outside no longer has, the server rebuilds it from Git at start, says so in its
 * log, and answers searches from the head. Each start is a real server process.
 */
@Tag("slow")
class DisposableIndexTest {
    private static final Duration STOP = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void theIndexIsRebuiltWhenDeletedCorruptedOrStampedWithALostCommit() throws Exception {
        Path seed = dir.resolve("seed");
        Files.createDirectories(seed);
        Files.writeString(seed.resolve("Home.md"), "# Home\n\nWelcome to the quokka clearinghouse.\n");
        Files.writeString(seed.resolve("Mentoring.md"), "# Mentoring\n\nPair every wombat with a mentor.\n");
        Path data = dir.resolve("data");
        Path index = data.resolve("index");
        Path log = dir.resolve("server.log");

        try (ServerProcess server = ServerProcess.start(data, seed, log)) {
            assertThat(searchPaths(server, "quokka")).containsExactly("Home");
            assertThat(server.terminate(STOP)).isNotEqualTo(-1);
        }
        // (That a clean restart reuses the index is checked by GracefulShutdownTest.)
        deleteRecursively(index);
        int mark = log(log).length();
        try (ServerProcess server = ServerProcess.start(data, seed, log)) {
            assertThat(log(log).substring(mark)).contains("The search index is empty or new; rebuilding it from Git");
            assertThat(searchPaths(server, "wombat")).containsExactly("Mentoring");
            server.terminate(STOP);
        }

        corruptEveryFile(index);
        mark = log(log).length();
        try (ServerProcess server = ServerProcess.start(data, seed, log)) {
            assertThat(log(log).substring(mark)).contains("is unreadable").contains("rebuilding it from Git");
            assertThat(searchPaths(server, "quokka")).containsExactly("Home");
            server.terminate(STOP);
        }

        Path gitDir = data.resolve("content.git");
        String lost = EditLoad.git(gitDir, "rev-parse", "main");
        replaceHistory(gitDir, "# Home\n\nA new history about the platypus.\n");
        assertThat(gitSucceeds(gitDir, "cat-file", "-e", lost + "^{commit}")).as("old head gone").isFalse();
        mark = log(log).length();
        try (ServerProcess server = ServerProcess.start(data, seed, log)) {
            assertThat(log(log).substring(mark))
                    .contains("reflects a commit the repository no longer has; rebuilding it from Git");
            assertThat(searchPaths(server, "platypus")).containsExactly("Home");
            assertThat(searchPaths(server, "wombat")).isEmpty();
            assertThat(searchPaths(server, "quokka")).isEmpty();
            assertThat(EditLoad.json(server.get("/health").body()).get("revision").asText())
                    .isEqualTo(EditLoad.git(gitDir, "rev-parse", "main"));
        }
    }

    /**
     * What a force-push from outside does: the branch now holds one new root commit with only
     * {@code Home.md}, and the old commits are pruned away for good.
     */
    private static void replaceHistory(Path gitDir, String home) throws Exception {
        Path file = gitDir.resolveSibling("new-home.md");
        Files.writeString(file, home);
        String blob = EditLoad.git(gitDir, "hash-object", "-w", file.toString());
        Path listing = gitDir.resolveSibling("tree.txt");
        Files.writeString(listing, "100644 blob " + blob + "\tHome.md\n");
        String tree = gitWithInput(gitDir, listing, "mktree");
        String commit = gitWithInput(gitDir, null, "commit-tree", tree, "-m", "History replaced from outside");
        EditLoad.git(gitDir, "update-ref", "refs/heads/main", commit);
        EditLoad.git(gitDir, "reflog", "expire", "--expire=now", "--all");
        EditLoad.git(gitDir, "gc", "--prune=now", "--quiet");
    }

    private static String gitWithInput(Path gitDir, Path input, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "--git-dir", gitDir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        Map<String, String> env = builder.environment();
        env.put("GIT_AUTHOR_NAME", "Outside");
        env.put("GIT_AUTHOR_EMAIL", "outside@example.org");
        env.put("GIT_COMMITTER_NAME", "Outside");
        env.put("GIT_COMMITTER_EMAIL", "outside@example.org");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
        return out;
    }

    private static boolean gitSucceeds(Path gitDir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "--git-dir", gitDir.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor() == 0;
    }

    private static List<String> searchPaths(ServerProcess server, String word) throws Exception {
        JsonNode result = EditLoad.json(server.get("/api/v1/search?q=" + word).body());
        return java.util.stream.StreamSupport.stream(result.get("hits").spliterator(), false)
                .map(hit -> hit.get("path").asText()).toList();
    }

    private static String log(Path log) throws IOException {
        return Files.readString(log);
    }

    private static void corruptEveryFile(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("write.lock")).toList()) {
                Files.write(file, "this is not a Lucene file".getBytes());
            }
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
