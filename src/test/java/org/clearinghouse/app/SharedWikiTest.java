package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two servers sharing one central bare repository with serve --remote. */
class SharedWikiTest {
    @TempDir
    Path dir;

    @Test
    void anEditOnOneInstanceShowsOnTheOther() throws Exception {
        Path central = dir.resolve("central.git");
        Process init = new ProcessBuilder("git", "init", "-q", "--bare", "--initial-branch=main", central.toString())
                .redirectErrorStream(true).start();
        assertThat(init.waitFor()).isZero();
        Files.createDirectories(dir.resolve("seed"));
        Files.writeString(dir.resolve("seed/Home.md"), "# Shared home\n");
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        TestWiki.addAccount(a, "editor", "admin", "correct horse");
        TestWiki.addAccount(b, "editor", "admin", "correct horse");
        try (TestWiki first = TestWiki.startShared(a, dir.resolve("seed"), central.toString())) {
            awaitCentral(first);
            try (TestWiki second = TestWiki.startShared(b, dir.resolve("empty-seed"), central.toString())) {
                assertThat(second.getJson("/api/v1/pages/Home").get("title").asText()).isEqualTo("Shared home");
                assertThat(second.getJson("/health").get("revision").asText())
                        .isEqualTo(first.getJson("/health").get("revision").asText());

                HttpResponse<String> saved = first.send(HttpRequest.newBuilder(first.uri("/api/v1/pages/From-A"))
                        .header("Authorization", TestWiki.basic("editor", "correct horse"))
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"markdown\":\"# Written on A\\n\"}")));
                assertThat(saved.statusCode()).isEqualTo(201);
                assertThat(awaitPage(second, "From-A")).isEqualTo(200);

                second.send(HttpRequest.newBuilder(second.uri("/api/v1/pages/From-B"))
                        .header("Authorization", TestWiki.basic("editor", "correct horse"))
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"markdown\":\"# Written on B\\n\"}")));
                assertThat(awaitPage(first, "From-B")).isEqualTo(200);

                JsonNode sync = TestWiki.json(first.send(HttpRequest.newBuilder(first.uri("/api/v1/sync"))
                        .header("Authorization", TestWiki.basic("editor", "correct horse"))
                        .POST(HttpRequest.BodyPublishers.noBody())));
                assertThat(sync.get("status").asText()).isEqualTo("ok");
                assertThat(sync.get("conflicts")).isEmpty();
            }
        }
    }

    private static void awaitCentral(TestWiki wiki) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode status = TestWiki.json(wiki.send(HttpRequest.newBuilder(wiki.uri("/api/v1/sync"))
                    .header("Authorization", TestWiki.basic("editor", "correct horse"))
                    .POST(HttpRequest.BodyPublishers.noBody())));
            if (!status.get("remote").isNull()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the first instance never pushed to the central repository");
    }

    private static int awaitPage(TestWiki wiki, String path) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        int status = 404;
        while (status != 200 && System.nanoTime() < deadline) {
            status = wiki.get("/api/v1/pages/" + path).statusCode();
            Thread.sleep(200);
        }
        return status;
    }
}
