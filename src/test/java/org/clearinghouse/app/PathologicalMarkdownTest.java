package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Markdown built to exhaust a parser (deep nesting, endless openers, a huge table), saved,
 * viewed and previewed through the server: each request ends within a bounded time with a page
 * or a clear 4xx, never a 5xx, and the server stays quick for everyone else afterwards.
 */
@Tag("slow")
class PathologicalMarkdownTest {
    /** Far above the render budget (3 s) plus indexing, far below "pins a CPU". */
    private static final Duration BOUND = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static TestWiki wiki;

    @BeforeAll
    static void start() throws Exception {
        TestWiki.addAccount(dir, "editor", "editor", "correct horse");
        wiki = TestWiki.start(dir, Map.of("Home.md", "# Home\n\nA normal page.\n"));
    }

    @AfterAll
    static void stop() {
        wiki.close();
    }

    static Map<String, String> inputs() {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("50,000 nested brackets", "[".repeat(50_000) + "x" + "]".repeat(50_000));
        inputs.put("20,000 nested block quotes", ">".repeat(20_000) + " x");
        inputs.put("20,000 block quote lines", (">".repeat(200) + " x\n").repeat(100) + "> ".repeat(20_000) + "x");
        inputs.put("50,000 emphasis openers", "*".repeat(50_000) + "a");
        inputs.put("emphasis runs", "*a **b ".repeat(25_000));
        inputs.put("20,000-deep list", "- ".repeat(20_000) + "x");
        inputs.put("deep indented list", buildIndentedList(3_000));
        inputs.put("huge table", buildTable(4_000, 40));
        inputs.put("50,000 link openers", "[a](".repeat(50_000));
        inputs.put("50,000 divs", "<div>".repeat(50_000));
        return inputs;
    }

    @Test
    void everyPathologicalPageIsSavedViewedAndPreviewedWithinTheBound() throws Exception {
        String editor = TestWiki.basic("editor", "correct horse");
        assertThat(wiki.login("editor", "correct horse").statusCode()).isEqualTo(303);
        String token = TestWiki.csrfToken(wiki.get("/edit/Home").body());
        int n = 0;
        for (Map.Entry<String, String> input : inputs().entrySet()) {
            String name = input.getKey();
            String page = "Pathological/P" + n++;
            HttpResponse<String> saved = timed(name + " save", () -> wiki.send(HttpRequest.newBuilder(
                    wiki.uri("/api/v1/pages/" + page)).header("Authorization", editor)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode()
                            .put("markdown", input.getValue()).toString()))));
            assertThat(saved.statusCode()).as(name + " save: " + saved.body()).isIn(200, 201, 413, 422);
            if (saved.statusCode() / 100 == 2) {
                for (String view : new String[] {"/wiki/" + page, "/api/v1/pages/" + page, "/history/" + page}) {
                    HttpResponse<String> shown = timed(name + " " + view, () -> wiki.get(view));
                    assertThat(shown.statusCode()).as(name + " " + view).isIn(200, 422);
                }
            }
            HttpResponse<String> preview = timed(name + " preview", () -> wiki.send(HttpRequest.newBuilder(
                    wiki.uri("/preview")).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-CSRF-Token", token).POST(HttpRequest.BodyPublishers.ofString("path=Pathological/Preview"
                            + "&markdown=" + URLEncoder.encode(input.getValue(), StandardCharsets.UTF_8)))));
            assertThat(preview.statusCode()).as(name + " preview").isIn(200, 413, 422);
            HttpResponse<String> search = timed(name + " search", () -> wiki.get("/search?q=x"));
            assertThat(search.statusCode()).isEqualTo(200);
        }
        // Nothing is left running in the background: an ordinary page is as quick as ever.
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThat(wiki.get("/wiki/Home?i=" + i).statusCode()).isEqualTo(200);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aPageOverTheSizeLimitIsRefusedWithAClearMessage() throws Exception {
        HttpResponse<String> huge = wiki.send(HttpRequest.newBuilder(wiki.uri("/api/v1/pages/Pathological/Huge"))
                .header("Authorization", TestWiki.basic("editor", "correct horse"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        JSON.createObjectNode().put("markdown", "[".repeat(2_000_000)).toString())));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(TestWiki.json(huge).get("message").asText()).contains("KiB");
    }

    private interface Call {
        HttpResponse<String> run() throws Exception;
    }

    private static HttpResponse<String> timed(String what, Call call) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = call.run();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as(what).isLessThan(BOUND);
        return response;
    }

    private static String buildIndentedList(int depth) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            list.append(" ".repeat(Math.min(i, 300) * 2)).append("- item ").append(i).append('\n');
        }
        return list.toString();
    }

    private static String buildTable(int rows, int columns) {
        StringBuilder table = new StringBuilder();
        table.append("|").append(" h |".repeat(columns)).append('\n');
        table.append("|").append("---|".repeat(columns)).append('\n');
        String row = "|" + " *c* |".repeat(columns) + "\n";
        table.append(row.repeat(rows));
        return table.toString();
    }
}
