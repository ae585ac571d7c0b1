package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every vector of {@link XssVectors} through the whole server, as a browser would get it: as a
 * page body and as front matter (title, summary, tags, audience, type) in the page view, the JSON
 * API, the page and tag lists, search results and snippets (HTML and JSON), history, the live
 * preview, and as a search query echoed back. No response may carry anything executable
 * ({@link InertHtml}); JSON is served as JSON, never as HTML.
 */
@Tag("slow")
class XssThroughServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY_WORD = "zebramarker";
    private static final String META_WORD = "frontmarker";

    @TempDir
    static Path dir;

    static TestWiki wiki;
    static List<String> vectors;
    static List<String> pages = new ArrayList<>();

    @BeforeAll
    static void seedEveryVectorAsPages() throws Exception {
        vectors = new ArrayList<>(XssVectors.all().values());
        Path seed = dir.resolve("seed");
        Files.createDirectories(seed.resolve("X"));
        for (int i = 0; i < vectors.size(); i++) {
            String vector = vectors.get(i);
            String quoted = JSON.writeValueAsString(vector); // a JSON string is a YAML double-quoted scalar
            Files.writeString(seed.resolve("X/b" + i + ".md"), vector + "\n\n" + BODY_WORD + "\n");
            Files.writeString(seed.resolve("X/f" + i + ".md"), "---\ntitle: " + quoted + "\nsummary: " + quoted
                    + "\ntags: [" + quoted + ", plain]\naudience: [" + quoted + "]\ntype: " + quoted + "\n---\n"
                    + META_WORD + " " + i + "\n");
            pages.add("X/b" + i);
            pages.add("X/f" + i);
        }
        Files.writeString(seed.resolve("Home.md"), "# Home\n\nSee [[X/b0]].\n");
        TestWiki.addAccount(dir, "editor", "editor", "correct horse");
        wiki = TestWiki.startOn(dir, seed);
    }

    @AfterAll
    static void stop() {
        wiki.close();
    }

    @Test
    void pageViewsAndTheirJsonAreInert() throws Exception {
        assertThat(vectors).hasSizeGreaterThan(300);
        for (String page : pages) {
            HttpResponse<String> html = wiki.get("/wiki/" + page);
            assertThat(html.statusCode()).as(page).isEqualTo(200);
            InertHtml.assertInert(html.body(), page + ": " + vectorOf(page));

            HttpResponse<String> api = wiki.get("/api/v1/pages/" + page);
            assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            JsonNode json = TestWiki.json(api);
            if (json.hasNonNull("html")) {
                InertHtml.assertInert(json.get("html").asText(), "API html of " + page + ": " + vectorOf(page));
            }
            if (page.startsWith("X/f")) {
                HttpResponse<String> history = wiki.get("/history/" + page);
                assertThat(history.statusCode()).as("history of " + page).isEqualTo(200);
                InertHtml.assertInert(history.body(), "history of " + page);
            }
        }
    }

    @Test
    void frontMatterValuesArePlainTextWherePeopleSeeThem() throws Exception {
        for (int i = 0; i < vectors.size(); i++) {
            JsonNode page = wiki.getJson("/api/v1/pages/X/f" + i);
            String title = page.get("title").asText();
            if (title.equals(vectors.get(i).strip()) && title.chars().noneMatch(Character::isISOControl)) {
                // The title came through as data: the page shows exactly that text, not markup made of it.
                String shown = Jsoup.parse(wiki.get("/wiki/X/f" + i).body()).select("main h1").first().text();
                assertThat(shown).as(vectors.get(i)).isEqualTo(org.jsoup.internal.StringUtil.normaliseWhitespace(title)
                        .strip());
            }
        }
        for (String list : List.of("/pages", "/tags", "/resources", "/changes", "/api/v1/pages")) {
            HttpResponse<String> response = wiki.get(list);
            assertThat(response.statusCode()).as(list).isEqualTo(200);
            if (!list.startsWith("/api/")) {
                InertHtml.assertInert(response.body(), list);
            }
        }
        for (String tagLink : Jsoup.parse(wiki.get("/tags").body()).select("main a[href^=/tags/]").eachAttr("href")) {
            HttpResponse<String> tagged = wiki.get(tagLink.replace(" ", "%20"));
            assertThat(tagged.statusCode()).as(tagLink).isLessThan(500);
            InertHtml.assertInert(tagged.body(), tagLink);
        }
    }

    @Test
    void searchResultsAndSnippetsAreInert() throws Exception {
        for (String word : List.of(BODY_WORD, META_WORD, "alert", "script", "javascript", "onerror")) {
            for (int page = 1; page <= 20; page++) {
                HttpResponse<String> results = wiki.get("/search?q=" + word + "&page=" + page);
                assertThat(results.statusCode()).isEqualTo(200);
                InertHtml.assertInert(results.body(), "search " + word + " page " + page);
            }
            JsonNode json = wiki.getJson("/api/v1/search?q=" + word + "&limit=100");
            assertThat(json.get("total").asInt()).as(word).isPositive();
            for (JsonNode hit : json.get("hits")) {
                InertHtml.assertInert(hit.get("snippet").asText(), "snippet of " + hit.get("path").asText());
            }
        }
        HttpResponse<String> browse = wiki.get("/resources?tag=plain");
        InertHtml.assertInert(browse.body(), "resources by tag");
    }

    @Test
    void everyVectorAsASearchQueryIsEchoedInertly() throws Exception {
        for (String vector : vectors) {
            String q = URLEncoder.encode(vector, StandardCharsets.UTF_8);
            HttpResponse<String> results = wiki.get("/search?q=" + q);
            assertThat(results.statusCode()).as(vector).isEqualTo(200);
            InertHtml.assertInert(results.body(), "query " + vector);
            HttpResponse<String> suggest = wiki.get("/api/v1/suggest?q=" + q);
            assertThat(suggest.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        }
    }

    @Test
    void thePreviewOfEveryVectorIsInert() throws Exception {
        assertThat(wiki.login("editor", "correct horse").statusCode()).isEqualTo(303);
        String token = TestWiki.csrfToken(wiki.get("/edit/Home").body());
        for (String vector : vectors) {
            String form = "path=" + URLEncoder.encode("X/Preview", StandardCharsets.UTF_8) + "&markdown="
                    + URLEncoder.encode(vector, StandardCharsets.UTF_8);
            HttpResponse<String> preview = wiki.send(HttpRequest.newBuilder(wiki.uri("/preview"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-Token", token)
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(preview.statusCode()).as(vector).isIn(200, 422);
            InertHtml.assertInert(preview.body(), "preview of " + vector);
        }
        HttpResponse<String> formPreview = wiki.postForm("/edit/X/b0", Map.of("csrf_token", token,
                "markdown", String.join("\n\n", vectors.subList(0, 60)), "message", "", "baseRevision", "",
                "action", "preview"));
        assertThat(formPreview.statusCode()).isEqualTo(200);
        InertHtml.assertInert(formPreview.body(), "edit form preview");
    }

    private static String vectorOf(String page) {
        return vectors.get(Integer.parseInt(page.substring(3)));
    }
}
