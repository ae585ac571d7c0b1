package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Big List of Naughty Strings (vendored in {@code src/test/resources/blns/}) as page names,
 * page bodies, commit messages and search queries, through HTTP: never a 5xx, and a name that is
 * accepted reads back as the same page from the HTML and the JSON routes.
 */
@Tag("slow")
class NaughtyStringsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EDITOR = TestWiki.basic("editor", "correct horse");

    @TempDir
    static Path dir;

    static TestWiki wiki;
    static List<String> strings;

    @BeforeAll
    static void start() throws Exception {
        try (InputStream in = NaughtyStringsTest.class.getResourceAsStream("/blns/blns.json")) {
            strings = List.of(JSON.readValue(in, String[].class));
        }
        TestWiki.addAccount(dir, "editor", "editor", "correct horse");
        wiki = TestWiki.start(dir, Map.of("Home.md", "# Home\n\nNaughty strings live here.\n"));
    }

    @AfterAll
    static void stop() {
        wiki.close();
    }

    @Test
    void asPageNamesNeverA5xxAndAnAcceptedNameReadsBack() throws Exception {
        assertThat(strings).hasSizeGreaterThan(400);
        int accepted = 0;
        for (String name : strings) {
            String path = pathOf(name);
            String body = "Page named " + JSON.writeValueAsString(name) + "\n";
            HttpResponse<String> saved = put("/api/v1/pages/" + path, save(body, null));
            assertThat(saved.statusCode()).as("PUT %s -> %s", name, saved.body()).isLessThan(500);
            HttpResponse<String> html = wiki.get("/wiki/" + path);
            HttpResponse<String> api = wiki.get("/api/v1/pages/" + path);
            assertThat(html.statusCode()).as("GET /wiki/ %s", name).isLessThan(500);
            assertThat(api.statusCode()).as("GET /api/ %s", name).isLessThan(500);
            ResponseHeadersTest.assertNoLeak(html.body(), name);
            if (saved.statusCode() / 100 == 2) {
                accepted++;
                assertThat(html.statusCode()).as("accepted %s reads back", name).isEqualTo(200);
                assertThat(api.statusCode()).as("accepted %s reads back", name).isEqualTo(200);
                JsonNode page = TestWiki.json(api);
                assertThat(page.get("markdown").asText()).as(name).isEqualTo(body);
                assertThat(page.get("path").asText()).isEqualTo(Normalizer.normalize(name, Normalizer.Form.NFC));
            } else {
                assertThat(saved.statusCode()).as(name).isIn(400, 404, 409, 413, 422);
            }
        }
        assertThat(accepted).as("plain names like 1.00 or ÅÍÎÏ are pages").isGreaterThan(20);
    }

    @Test
    void asBodiesAndCommitMessagesNeverA5xx() throws Exception {
        // Sixteen strings a save, as the text and as the message (whose first line logs and feeds
        // show): every string is both, and the commit count (and the test's time) stays small.
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < strings.size(); i++) {
            batch.add(strings.get(i));
            if (batch.size() == 16 || i == strings.size() - 1) {
                String text = String.join("\n\n", batch);
                HttpResponse<String> saved = put("/api/v1/pages/Naughty/Bodies-" + i, save(text, String.join("\n", batch)));
                assertThat(saved.statusCode()).as("body %s -> %s", batch, saved.body()).isLessThan(500);
                if (saved.statusCode() / 100 != 2) {
                    batch.clear();
                    continue;
                }
                HttpResponse<String> view = wiki.get("/wiki/Naughty/Bodies-" + i);
                assertThat(view.statusCode()).as("view of %s", batch).isEqualTo(200);
                assertThat(TestWiki.json(wiki.get("/api/v1/pages/Naughty/Bodies-" + i)).get("markdown").asText())
                        .isEqualTo(text.replace("\r\n", "\n").replace('\r', '\n'));
                batch.clear();
            }
        }
        // Where the messages are shown. (No leak check here: the messages themselves contain paths.)
        for (String path : List.of("/history/Naughty/Bodies-15", "/changes", "/feed.atom", "/api/v1/changes?limit=100",
                "/api/v1/pages/Naughty/Bodies-15/history", "/pages")) {
            HttpResponse<String> response = wiki.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void asSearchQueriesNeverA5xx() throws Exception {
        for (String query : strings) {
            String q = URLEncoder.encode(query, StandardCharsets.UTF_8);
            for (String path : List.of("/search?q=" + q, "/api/v1/search?q=" + q, "/api/v1/suggest?q=" + q,
                    "/resources?tag=" + q, "/tags/" + q.replace("+", "%20"))) {
                HttpResponse<String> response = wiki.get(path);
                assertThat(response.statusCode()).as("%s (%s)", path, query).isLessThan(500);
            }
        }
    }

    /** The name as a URL path: each segment percent-encoded, slashes kept. */
    static String pathOf(String name) {
        List<String> segments = new ArrayList<>();
        for (String segment : name.split("/", -1)) {
            segments.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        String path = String.join("/", segments);
        return path.isEmpty() ? "%20" : path;
    }

    private static String save(String markdown, String message) throws IOException {
        var body = JSON.createObjectNode().put("markdown", markdown);
        if (message != null) {
            body.put("message", message);
        }
        return JSON.writeValueAsString(body);
    }

    private static HttpResponse<String> put(String path, String json) throws Exception {
        return wiki.send(HttpRequest.newBuilder(wiki.uri(path)).header("Authorization", EDITOR)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
