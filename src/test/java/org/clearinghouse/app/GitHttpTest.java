package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real git CLI cloning from and pushing to the server over HTTP on a random port. */
class GitHttpTest {
    @TempDir
    Path dir;

    TestWiki wiki;
    Path clone;

    @BeforeEach
    void start() throws Exception {
        TestWiki.addAccount(dir, "editor", "editor", "correct horse");
        TestWiki.addAccount(dir, "reader", "reader", "reader pass");
        wiki = TestWiki.start(dir, Map.of("Home.md", "# Home\n\nWelcome.\n"));
        clone = dir.resolve("clone");
        assertThat(git(dir, "clone", url(null), clone.toString()).exit()).isZero();
        git(clone, "config", "user.name", "Pat Pusher");
        git(clone, "config", "user.email", "pat@example.org");
    }

    @AfterEach
    void stop() {
        wiki.close();
    }

    @Test
    void anEditorsPushShowsUpWithItsAuthorAndIsSearchable() throws Exception {
        Files.writeString(clone.resolve("Offline.md"), "# Offline\n\nWritten on a train about capybaras. See [[Home]].\n");
        git(clone, "add", ".");
        git(clone, "commit", "-m", "Add a page written offline");
        Result push = git(clone, "push", url("editor:correct%20horse"), "main");
        assertThat(push.exit()).as(push.output()).isZero();

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (wiki.get("/api/v1/pages/Offline").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(wiki.getJson("/api/v1/pages/Offline").get("title").asText()).isEqualTo("Offline");
        assertThat(wiki.get("/wiki/Offline").body()).contains("Pat Pusher");
        assertThat(wiki.getJson("/api/v1/search?q=capybaras").get("total").asLong()).isEqualTo(1);
        assertThat(wiki.getJson("/api/v1/pages/Home/backlinks").get("pages")).hasSize(1);
    }

    @Test
    void strangersAndReadersMayCloneButNotPush() throws Exception {
        Files.writeString(clone.resolve("Home.md"), "# Home\n\nChanged.\n");
        git(clone, "commit", "-am", "Change");
        assertThat(git(clone, "push", url(null), "main").exit()).isNotZero();
        Result reader = git(clone, "push", url("reader:reader%20pass"), "main");
        assertThat(reader.exit()).isNotZero();
        assertThat(reader.output()).contains("403");
        assertThat(wiki.getJson("/api/v1/pages/Home").get("markdown").asText()).doesNotContain("Changed");
    }

    @Test
    void aPushBreakingTheRulesIsRefusedAndNamesTheFile() throws Exception {
        Files.writeString(clone.resolve("Bad Name.md"), "text\n");
        git(clone, "add", ".");
        git(clone, "commit", "-m", "Bad name");
        Result badName = git(clone, "push", url("editor:correct%20horse"), "main");
        assertThat(badName.exit()).isNotZero();
        assertThat(badName.output()).contains("Bad Name.md").contains("not a valid name");

        git(clone, "reset", "--hard", "HEAD~1");
        Files.writeString(clone.resolve("Yaml.md"), "---\ntitle: [broken\n---\nBody\n");
        git(clone, "add", ".");
        git(clone, "commit", "-m", "Broken front matter");
        Result yaml = git(clone, "push", url("editor:correct%20horse"), "main");
        assertThat(yaml.exit()).isNotZero();
        assertThat(yaml.output()).contains("Yaml.md").contains("front matter");
        assertThat(wiki.get("/api/v1/pages/Yaml").statusCode()).isEqualTo(404);
    }

    @Test
    void historyIsNeverRewritten() throws Exception {
        String original = git(clone, "rev-parse", "HEAD").output().strip();
        Files.writeString(clone.resolve("Home.md"), "# Home\n\nRewritten.\n");
        git(clone, "commit", "--amend", "-am", "Rewrite the first commit");
        Result force = git(clone, "push", "--force", url("editor:correct%20horse"), "main");
        assertThat(force.exit()).isNotZero();
        Result delete = git(clone, "push", url("editor:correct%20horse"), ":main");
        assertThat(delete.exit()).isNotZero();
        Result otherBranch = git(clone, "push", url("editor:correct%20horse"), "HEAD:refs/heads/other");
        assertThat(otherBranch.exit()).isNotZero();
        assertThat(wiki.getJson("/health").get("revision").asText()).isEqualTo(original);
    }

    private String url(String credentials) {
        return "http://" + (credentials == null ? "" : credentials + "@") + "127.0.0.1:" + wiki.app().port() + "/wiki.git";
    }

    record Result(int exit, String output) {}

    /** Runs the git CLI with no credential helper or prompt: only what the URL carries is sent. */
    static Result git(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "credential.helper=", "-c", "protocol.version=2"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().put("GIT_ASKPASS", "true");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
