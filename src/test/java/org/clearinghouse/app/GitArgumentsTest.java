package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revision and path parameters are parsed as object ids and validated page names before they
 * reach JGit: revision expressions, ref names, options and traversals are refused (400 or 404),
 * never resolved, and never leak a file or an internal detail.
 */
class GitArgumentsTest {
    private static final String OLD_TEXT = "The first version, only in history.";
    private static final List<String> REVISIONS = List.of("HEAD", "HEAD~1", "HEAD^", "main", "main@{0}", "@{-1}",
            "refs/heads/main", ":/first", "--all", "-x", "--output=/tmp/x", "../", "../../config", "HEAD^{tree}",
            "main:Home.md", "@", "FETCH_HEAD", "0000", "ffffffffff", "%00", "a".repeat(41), "1234567890abcdef~1",
            " HEAD", "HEAD\n", "$(id)", "`id`");

    @TempDir
    static Path dir;

    static TestWiki wiki;
    static String blobId;
    static String treeId;

    @BeforeAll
    static void start() throws Exception {
        TestWiki.addAccount(dir, "editor", "editor", "correct horse");
        wiki = TestWiki.start(dir, Map.of("Home.md", "# Home\n\n" + OLD_TEXT + "\n", "Home/notes.txt", "notes"));
        wiki.send(java.net.http.HttpRequest.newBuilder(wiki.uri("/api/v1/pages/Home"))
                .header("Authorization", TestWiki.basic("editor", "correct horse"))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"markdown\":\"# Home\\n\\nNow.\\n\"}")));
        blobId = EditLoad.git(wiki.gitDir(), "rev-parse", "main:Home.md");
        treeId = EditLoad.git(wiki.gitDir(), "rev-parse", "main^{tree}");
    }

    @AfterAll
    static void stop() {
        wiki.close();
    }

    @Test
    void revisionExpressionsAreNeverResolved() throws Exception {
        List<String> revisions = new java.util.ArrayList<>(REVISIONS);
        revisions.add(blobId); // an object id, but not a commit's
        revisions.add(treeId);
        for (String revision : revisions) {
            String r = URLEncoder.encode(revision, StandardCharsets.UTF_8);
            for (String path : List.of("/wiki/Home?revision=" + r, "/api/v1/pages/Home?revision=" + r,
                    "/files/Home/notes.txt?revision=" + r, "/diff/Home?from=" + r + "&to=" + r,
                    "/api/v1/pages/Home/diff?from=" + r, "/blame/Home?revision=" + r,
                    "/history/Home?before=" + r, "/api/v1/pages/Home/history?before=" + r,
                    "/api/v1/changes?before=" + r)) {
                HttpResponse<String> response = wiki.get(path);
                String label = path + " (" + revision + ")";
                assertThat(response.statusCode()).as(label).isIn(400, 404);
                assertThat(response.body()).as(label).doesNotContain(OLD_TEXT).doesNotContain("[core]");
                ResponseHeadersTest.assertNoLeak(response.body(), label);
            }
        }
    }

    @Test
    void pathsAreValidatedNamesBeforeTheyReachTheRepository() throws Exception {
        for (String path : List.of("/wiki/..%2F..%2Fconfig", "/wiki/.git/config", "/wiki/HEAD", "/wiki/refs/heads/main",
                "/wiki/-x", "/wiki/--all", "/api/v1/pages/..%2Fconfig", "/files/..%2Fcontent.git%2Fconfig",
                "/files/.%2E/config", "/history/.git", "/blame/--all", "/diff/-x?from=a&to=b", "/wiki/objects/info",
                "/wiki/main@%7B0%7D", "/wiki/%3A%2Ffoo", "/wiki/Home%00.md")) {
            HttpResponse<String> response = wiki.get(path);
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("[core]").doesNotContain("ref: refs")
                    .doesNotContain(OLD_TEXT);
            ResponseHeadersTest.assertNoLeak(response.body(), path);
        }
    }

    @Test
    void aRealRevisionStillWorks() throws Exception {
        String first = EditLoad.git(wiki.gitDir(), "rev-list", "--max-parents=0", "main");
        assertThat(wiki.get("/wiki/Home?revision=" + first).body()).contains(OLD_TEXT);
        assertThat(wiki.get("/wiki/Home?revision=" + first.substring(0, 7)).body()).contains(OLD_TEXT);
    }
}
