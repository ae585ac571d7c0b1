package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server on a random loopback port against a seeded temporary repository, seen over HTTP. */
class WebServerTest {
    private static final String HOME = """
            ---
            title: Welcome to the Test Wiki
            summary: The front door.
            tags: [intro]
            audience: [all]
            type: overview
            ---
            Read the [[Guide]], the [[Guide|how-to guide]], a [[Missing Page]] and [the child](Folder/Child).

            ## One
            ## Two
            ## Three
            """;
    private static final String GUIDE = """
            ---
            tags: [intro, howto]
            audience: [school, public]
            type: guide
            ---
            # Guide Title

            Back to [[Home]].
            """;

    @TempDir
    static Path dir;

    static TestWiki wiki;

    @BeforeAll
    static void start() throws Exception {
        wiki = TestWiki.start(dir, Map.of(
                "Home.md", HOME,
                "Guide.md", GUIDE,
                "Folder/Child.md", "Just text, no heading.\n",
                "files/notes.txt", "plain notes"));
    }

    @AfterAll
    static void stop() {
        wiki.close();
    }

    @Test
    void homeShowsTheHomePageWithTitleTagsTocAndRedLinks() throws Exception {
        HttpResponse<String> response = wiki.get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo("Welcome to the Test Wiki");
        assertThat(page.select("a[href=/tags/intro]").text()).isEqualTo("intro");
        assertThat(page.select(".toc a").eachText()).containsExactly("One", "Two", "Three");
        assertThat(page.select(".markdown a[href=/wiki/Guide]")).hasSize(2)
                .allSatisfy(a -> assertThat(a.hasClass("missing")).isFalse());
        assertThat(page.select(".markdown a[href=/wiki/Missing-Page]").hasClass("missing")).isTrue();
        assertThat(page.select(".markdown a[href=/wiki/Folder/Child]").hasClass("missing")).isFalse();
        assertThat(page.text()).doesNotContain("summary: The front door").doesNotContain("type: overview");
        assertThat(page.select("script:not([src])")).as("no inline scripts").isEmpty();
    }

    @Test
    void aPageShowsWhatLinksHereAndItsLastChange() throws Exception {
        Document page = Jsoup.parse(wiki.get("/wiki/Guide").body());
        assertThat(page.select("h1").eachText()).as("the opening heading is the title, shown once")
                .containsExactly("Guide Title");
        assertThat(page.select(".backlinks a").eachText()).containsExactly("Welcome to the Test Wiki");
        assertThat(page.select(".page-meta").text()).contains("Clearinghouse");
        assertThat(page.select(".page-meta time").attr("datetime")).isNotBlank();
    }

    @Test
    void aMissingPageIsA404ThatOffersToCreateIt() throws Exception {
        HttpResponse<String> response = wiki.get("/wiki/Missing-Page");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(response.body()).select("a[href=/edit/Missing-Page]")).hasSize(1);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void invalidNamesAreNotFoundAndNeverReachTheFileSystem() throws Exception {
        for (String path : new String[] {"/wiki/.git/config", "/wiki/a%00b", "/wiki/%2E%2E/secret",
                "/wiki/has%20space", "/api/v1/pages/.git/HEAD", "/wiki/" + "a".repeat(201)}) {
            HttpResponse<String> response = wiki.get(path);
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("[core]").doesNotContain("ref: refs");
        }
    }

    @Test
    void listsPagesAndTags() throws Exception {
        Document pages = Jsoup.parse(wiki.get("/pages").body());
        assertThat(pages.select(".page-list a").eachText())
                .containsExactlyInAnyOrder("Child", "Guide Title", "Welcome to the Test Wiki");
        Document tagged = Jsoup.parse(wiki.get("/tags/intro").body());
        assertThat(tagged.select(".page-list a").eachAttr("href")).containsExactly("/wiki/Guide", "/wiki/Home");
        assertThat(Jsoup.parse(wiki.get("/tags/howto").body()).select(".page-list a").eachAttr("href"))
                .containsExactly("/wiki/Guide");
        assertThat(wiki.get("/tags/no-such-tag").statusCode()).isEqualTo(404);
    }

    @Test
    void apiListsPagesWithTheirFields() throws Exception {
        JsonNode pages = wiki.getJson("/api/v1/pages").get("pages");
        assertThat(pages).hasSize(3);
        JsonNode guide = find(pages, "Guide");
        assertThat(guide.get("title").asText()).isEqualTo("Guide Title");
        assertThat(guide.get("tags")).extracting(JsonNode::asText).containsExactly("intro", "howto");
        assertThat(guide.get("updated").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
    }

    @Test
    void apiShowsOnePageWithMetadataMarkdownHtmlAndRevision() throws Exception {
        HttpResponse<String> response = wiki.get("/api/v1/pages/Guide");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode page = TestWiki.json(response);
        assertThat(page.get("path").asText()).isEqualTo("Guide");
        assertThat(page.get("title").asText()).isEqualTo("Guide Title");
        assertThat(page.get("tags")).extracting(JsonNode::asText).containsExactly("intro", "howto");
        assertThat(page.get("audience")).extracting(JsonNode::asText).containsExactly("school", "public");
        assertThat(page.get("type").asText()).isEqualTo("guide");
        assertThat(page.has("summary")).isTrue();
        assertThat(page.get("markdown").asText()).isEqualTo(GUIDE);
        assertThat(page.get("html").asText()).contains("href=\"/wiki/Home\"").doesNotContain("tags:");
        assertThat(page.get("revision").asText()).matches("[0-9a-f]{40}")
                .isEqualTo(wiki.getJson("/health").get("revision").asText());
    }

    @Test
    void apiShowsBacklinks() throws Exception {
        JsonNode links = wiki.getJson("/api/v1/pages/Guide/backlinks").get("pages");
        assertThat(links).hasSize(1);
        assertThat(links.get(0).get("path").asText()).isEqualTo("Home");
        assertThat(links.get(0).get("title").asText()).isEqualTo("Welcome to the Test Wiki");
        assertThat(wiki.getJson("/api/v1/pages/Folder/Child/backlinks").get("pages")).hasSize(1);
    }

    @Test
    void apiErrorsAreJsonWithACodeAndAMessage() throws Exception {
        HttpResponse<String> missing = wiki.get("/api/v1/pages/Nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        JsonNode error = TestWiki.json(missing);
        assertThat(error.get("error").asText()).isEqualTo("not_found");
        assertThat(error.get("message").asText()).contains("Nope");
        HttpResponse<String> badRevision = wiki.get("/api/v1/pages/Guide?revision=nothex");
        assertThat(badRevision.statusCode()).isEqualTo(404);
        assertThat(TestWiki.json(badRevision).get("error").asText()).isEqualTo("revision_not_found");
    }

    @Test
    void healthReportsTheHeadRevision() throws Exception {
        HttpResponse<String> response = wiki.get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = TestWiki.json(response);
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("revision").asText()).matches("[0-9a-f]{40}");
    }

    @Test
    void pagesCarryAnETagAndAnswer304() throws Exception {
        HttpResponse<String> first = wiki.get("/wiki/Guide");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> second = wiki.get("/wiki/Guide", "If-None-Match", etag);
        assertThat(second.statusCode()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
        assertThat(wiki.get("/wiki/Guide", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }

    @Test
    void everyResponseCarriesStrictSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/api/v1/pages", "/wiki/Nope", "/static/style.css"}) {
            HttpResponse<String> response = wiki.get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        }
        assertThat(wiki.get("/static/style.css").statusCode()).isEqualTo(200);
    }

    @Test
    void attachmentsAreServedBesideThePages() throws Exception {
        HttpResponse<String> response = wiki.get("/wiki/files/notes.txt");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("plain notes");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElse("")).contains("sandbox");
    }

    @Test
    void unexpectedRoutesAnswerWithAPageAndNoStackTrace() throws Exception {
        HttpResponse<String> response = wiki.get("/no/such/route");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found").doesNotContain("Exception");
    }

    private static JsonNode find(JsonNode pages, String path) {
        for (JsonNode page : pages) {
            if (page.get("path").asText().equals(path)) {
                return page;
            }
        }
        throw new AssertionError("no page " + path);
    }
}
