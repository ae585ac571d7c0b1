package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API's writes with HTTP Basic credentials, roles and the save contract. */
class ApiWriteTest {
    private static final String EDITOR = TestWiki.basic("editor", "correct horse");
    private static final String READER = TestWiki.basic("reader", "reader pass");

    @TempDir
    Path dir;

    TestWiki wiki;

    @BeforeEach
    void start() throws Exception {
        TestWiki.addAccount(dir, "editor", "editor", "correct horse");
        TestWiki.addAccount(dir, "reader", "reader", "reader pass");
        wiki = TestWiki.start(dir, Map.of("Home.md", "# Home\n\nOne.\n\nTwo.\n\nThree.\n"));
    }

    @AfterEach
    void stop() {
        wiki.close();
    }

    @Test
    void writesNeedAnEditorsCredentials() throws Exception {
        HttpResponse<String> anonymous = put("/api/v1/pages/New", "{\"markdown\":\"x\"}", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        assertThat(TestWiki.json(anonymous).get("error").asText()).isNotBlank();
        assertThat(put("/api/v1/pages/New", "{\"markdown\":\"x\"}", TestWiki.basic("editor", "wrong")).statusCode())
                .isEqualTo(401);
        assertThat(put("/api/v1/pages/New", "{\"markdown\":\"x\"}", READER).statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(wiki.uri("/api/v1/pages/Home")).DELETE(), READER).statusCode())
                .isEqualTo(403);
    }

    @Test
    void putCreatesThenUpdatesThenMergesThenConflicts() throws Exception {
        HttpResponse<String> created = put("/api/v1/pages/New", "{\"markdown\":\"# New\\n\",\"message\":\"Add\"}", EDITOR);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = TestWiki.json(created);
        assertThat(body.get("revision").asText()).matches("[0-9a-f]{40}");
        assertThat(body.get("merged").asBoolean()).isFalse();

        String base = wiki.getJson("/health").get("revision").asText();
        assertThat(put("/api/v1/pages/Home", json("# Home\n\nOne!\n\nTwo.\n\nThree.\n", base), EDITOR).statusCode())
                .isEqualTo(200);
        HttpResponse<String> merged = put("/api/v1/pages/Home", json("# Home\n\nOne.\n\nTwo.\n\nThree!\n", base), EDITOR);
        assertThat(merged.statusCode()).isEqualTo(200);
        assertThat(TestWiki.json(merged).get("merged").asBoolean()).isTrue();
        assertThat(wiki.getJson("/api/v1/pages/Home").get("markdown").asText()).contains("One!").contains("Three!");

        HttpResponse<String> conflict = put("/api/v1/pages/Home", json("# Home\n\nOne?\n\nTwo.\n\nThree.\n", base), EDITOR);
        assertThat(conflict.statusCode()).isEqualTo(409);
        JsonNode error = TestWiki.json(conflict);
        assertThat(error.get("error").asText()).isEqualTo("conflict");
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("yours").asText()).contains("One?");
        assertThat(error.get("theirs").asText()).contains("One!");
        assertThat(error.get("merged").asText()).contains("<<<<<<<");
    }

    @Test
    void renameAndDelete() throws Exception {
        HttpResponse<String> renamed = send(HttpRequest.newBuilder(wiki.uri("/api/v1/pages/Home/rename"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"Start/Home\"}")), EDITOR);
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(TestWiki.json(renamed).get("path").asText()).isEqualTo("Start/Home");
        assertThat(TestWiki.json(renamed).get("revision").asText()).matches("[0-9a-f]{40}");
        assertThat(wiki.get("/api/v1/pages/Start/Home").statusCode()).isEqualTo(200);

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(wiki.uri("/api/v1/pages/Start/Home")).DELETE(), EDITOR);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(TestWiki.json(deleted).get("revision").asText()).matches("[0-9a-f]{40}");
        assertThat(wiki.get("/api/v1/pages/Start/Home").statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(wiki.uri("/api/v1/pages/Start/Home")).DELETE(), EDITOR).statusCode())
                .isEqualTo(404);
    }

    @Test
    void badInputIsAClearClientErrorAndWritesNothing() throws Exception {
        String head = wiki.getJson("/health").get("revision").asText();
        assertThat(put("/api/v1/pages/Home", "not json", EDITOR).statusCode()).isEqualTo(400);
        assertThat(put("/api/v1/pages/Home", "{\"message\":\"no text\"}", EDITOR).statusCode()).isEqualTo(400);
        assertThat(put("/api/v1/pages/bad%20name", "{\"markdown\":\"x\"}", EDITOR).statusCode()).isEqualTo(400);
        HttpResponse<String> yaml = put("/api/v1/pages/Home", "{\"markdown\":\"---\\ntags: {a: 1}\\n---\\n\"}", EDITOR);
        assertThat(yaml.statusCode()).isEqualTo(422);
        assertThat(TestWiki.json(yaml).get("message").asText()).contains("tags");
        String huge = "{\"markdown\":\"" + "x".repeat(1024 * 1024 + 1) + "\"}";
        assertThat(put("/api/v1/pages/Home", huge, EDITOR).statusCode()).isEqualTo(413);
        assertThat(put("/api/v1/pages/Home", json("x", "0".repeat(40)), EDITOR).statusCode()).isEqualTo(400);
        assertThat(wiki.getJson("/health").get("revision").asText()).isEqualTo(head);
    }

    @Test
    void filesAreStoredAndServedWithSafeHeaders() throws Exception {
        HttpResponse<String> stored = send(HttpRequest.newBuilder(wiki.uri("/api/v1/files/Home/handout.pdf"))
                .header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofString("%PDF-1.4 test")), EDITOR);
        assertThat(stored.statusCode()).isEqualTo(201);
        HttpResponse<String> pdf = wiki.get("/files/Home/handout.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(pdf.body()).isEqualTo("%PDF-1.4 test");

        send(HttpRequest.newBuilder(wiki.uri("/api/v1/files/Home/logo.svg"))
                .PUT(HttpRequest.BodyPublishers.ofString("<svg onload=alert(1)></svg>")), EDITOR);
        HttpResponse<String> svg = wiki.get("/files/Home/logo.svg");
        assertThat(svg.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(svg.headers().firstValue("Content-Security-Policy").orElse("")).contains("sandbox");
        assertThat(wiki.get("/wiki/Home").body()).contains("/files/Home/handout.pdf");
        assertThat(send(HttpRequest.newBuilder(wiki.uri("/api/v1/files/Home/x.pdf"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")), READER).statusCode()).isEqualTo(403);
    }

    @Test
    void aChangedPasswordStopsTheOldOneAtOnceEvenAfterItWasVerified() throws Exception {
        assertThat(put("/api/v1/pages/A", "{\"markdown\":\"one\"}", EDITOR).statusCode()).isEqualTo(201);
        assertThat(put("/api/v1/pages/A", "{\"markdown\":\"two\"}", EDITOR).statusCode()).isEqualTo(200);
        org.clearinghouse.account.AccountStore.open(dir.resolve("data"),
                org.clearinghouse.account.PasswordHasher.forTests()).changePassword("editor", "new password".toCharArray());
        long deadline = System.nanoTime() + 10_000_000_000L;
        int status = 200;
        while (status != 401 && System.nanoTime() < deadline) {
            status = put("/api/v1/pages/A", "{\"markdown\":\"three\"}", EDITOR).statusCode();
            Thread.sleep(100);
        }
        assertThat(status).isEqualTo(401);
        assertThat(put("/api/v1/pages/A", "{\"markdown\":\"four\"}", TestWiki.basic("editor", "new password"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void basicAuthIsThrottledToo() throws Exception {
        int status = 0;
        for (int i = 0; i < 6; i++) {
            status = put("/api/v1/pages/Home", "{\"markdown\":\"x\"}", TestWiki.basic("editor", "bad" + i)).statusCode();
        }
        assertThat(status).isEqualTo(429);
    }

    private HttpResponse<String> put(String path, String body, String auth) throws Exception {
        return send(HttpRequest.newBuilder(wiki.uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), auth);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String auth) throws Exception {
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return wiki.send(request);
    }

    private static String json(String markdown, String base) {
        return "{\"markdown\":" + quote(markdown) + ",\"baseRevision\":\"" + base + "\"}";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
