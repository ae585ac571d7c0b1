package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.clearinghouse.page.Author;
import org.clearinghouse.store.ContentStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search over HTTP: results, facets, typos, suggestions, and freshness after every kind of change. */
class SearchWebTest {
    private static final String EDITOR = TestWiki.basic("editor", "correct horse");

    @TempDir
    Path dir;

    TestWiki wiki;

    @BeforeEach
    void start() throws Exception {
        TestWiki.addAccount(dir, "editor", "editor", "correct horse");
        wiki = TestWiki.start(dir, Map.of(
                "Home.md", "---\ntitle: Home\ntype: overview\naudience: [all]\n---\nWelcome to the clearinghouse.\n",
                "Recruitment.md", "---\ntitle: Recruitment Toolkit\ntags: [career-day, toolkit]\naudience: [school]\n"
                        + "type: toolkit\n---\nPlan your recruitment event. Bring 5 < 6 bookmarks & <script>alert(1)</script>.\n",
                "Scholarships.md", "---\ntitle: Scholarships\ntags: [diversity]\naudience: [academic]\ntype: guide\n---\n"
                        + "Scholarships help students from every background enter library school.\n"));
    }

    @AfterEach
    void stop() {
        wiki.close();
    }

    @Test
    void apiSearchAnswersWithHitsFacetsAndStemming() throws Exception {
        JsonNode result = search("recruiting");
        assertThat(result.get("total").asLong()).isEqualTo(1);
        JsonNode hit = result.get("hits").get(0);
        assertThat(hit.get("path").asText()).isEqualTo("Recruitment");
        assertThat(hit.get("title").asText()).isEqualTo("Recruitment Toolkit");
        assertThat(hit.get("snippet").asText()).contains("<mark>").contains("5 &lt; 6").contains("&amp;")
                .doesNotContain("<script");
        assertThat(hit.get("score").asDouble()).isPositive();
        assertThat(hit.get("tags")).extracting(JsonNode::asText).containsExactly("career-day", "toolkit");
        assertThat(result.get("facets").get("tags").get("toolkit").asInt()).isEqualTo(1);
        assertThat(result.get("facets").has("audience")).isTrue();
        assertThat(result.get("facets").has("type")).isTrue();
        assertThat(result.get("suggestion").isNull()).isTrue();
        assertThat(search("scholarship").get("hits").get(0).get("path").asText()).isEqualTo("Scholarships");
        assertThat(wiki.getJson("/api/v1/search?q=library&type=guide").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void typosGetADidYouMean() throws Exception {
        JsonNode result = search("scholarsips");
        assertThat(result.get("suggestion").asText()).isEqualTo("scholarships");
        assertThat(result.get("hits")).isNotEmpty();
    }

    @Test
    void theSearchPageWorksWithoutJavaScript() throws Exception {
        Document page = Jsoup.parse(wiki.get("/search?q=" + enc("recruitment event")).body());
        assertThat(page.select(".result h2 a").eachAttr("href")).containsExactly("/wiki/Recruitment");
        assertThat(page.select(".snippet mark")).isNotEmpty();
        assertThat(page.select(".facet a").eachText()).contains("toolkit");
        String filter = page.select(".facet a:contains(toolkit)").attr("href");
        assertThat(Jsoup.parse(wiki.get(filter).body()).select(".result")).hasSize(1);
        assertThat(Jsoup.parse(wiki.get("/resources").body()).select(".result")).hasSize(3);
        assertThat(Jsoup.parse(wiki.get("/resources?audience=academic").body()).select(".result h2 a").eachText())
                .containsExactly("Scholarships");
    }

    @Test
    void titlesAreSuggestedAsYouType() throws Exception {
        JsonNode suggestions = wiki.getJson("/api/v1/suggest?q=recr").get("suggestions");
        assertThat(suggestions).hasSize(1);
        assertThat(suggestions.get(0).get("path").asText()).isEqualTo("Recruitment");
        assertThat(suggestions.get(0).get("title").asText()).isEqualTo("Recruitment Toolkit");
        assertThat(wiki.get("/opensearch.xml").body()).contains("/search?q={searchTerms}");
    }

    @Test
    void savesDeletesAndRenamesAreSearchableWhenTheyReturn() throws Exception {
        put("/api/v1/pages/Volunteers", "{\"markdown\":\"# Volunteers\\n\\nThe network trains zymurgists.\\n\"}");
        assertThat(search("zymurgists").get("total").asLong()).isEqualTo(1);
        wiki.send(HttpRequest.newBuilder(wiki.uri("/api/v1/pages/Volunteers/rename")).header("Authorization", EDITOR)
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"Network/Volunteers\"}")));
        assertThat(search("zymurgists").get("hits").get(0).get("path").asText()).isEqualTo("Network/Volunteers");
        wiki.send(HttpRequest.newBuilder(wiki.uri("/api/v1/pages/Network/Volunteers")).header("Authorization", EDITOR)
                .DELETE());
        assertThat(search("zymurgists").get("total").asLong()).isZero();
    }

    @Test
    void aCommitFromOutsideIsIndexedWithinSeconds() throws Exception {
        String head = wiki.getJson("/health").get("revision").asText();
        try (ContentStore outside = ContentStore.openOrSeed(wiki.gitDir(), dir.resolve("none"))) {
            outside.commit(Optional.of(head), Map.of("Pushed.md", Optional.of(
                    "# Pushed\n\nArrived by quokka.\n".getBytes(StandardCharsets.UTF_8))),
                    new Author("Pusher", "p@example.org"), "Push");
        }
        long deadline = System.nanoTime() + 15_000_000_000L;
        long total = 0;
        while (System.nanoTime() < deadline && total == 0) {
            total = search("quokka").get("total").asLong();
            Thread.sleep(100);
        }
        assertThat(total).isEqualTo(1);
    }

    @Test
    void hostileQueriesNeverFailTheServer() throws Exception {
        List<String> queries = new ArrayList<>(List.of("\"", "(((", "AND OR NOT", "title:", "*", "?", "\\", "~", "^",
                "a".repeat(10_000), "b".repeat(2_000), "tag:", "-", "--x", "\"unclosed phrase", "*leading", "x~99", "[a TO z]", "/regex/",
                "\u0000\u0001", "😀 emoji", "tag:\"", "audience:)", "type:*", "q&limit=-5", "%00"));
        for (String query : queries) {
            HttpResponse<String> response = wiki.get("/api/v1/search?q=" + enc(query));
            assertThat(response.statusCode()).as(query).isIn(200, 400, 414);
            assertThat(wiki.get("/search?q=" + enc(query)).statusCode()).as(query).isIn(200, 400, 414);
        }
        assertThat(wiki.get("/api/v1/search?q=a&limit=abc").statusCode()).isEqualTo(400);
        assertThat(wiki.get("/api/v1/search?q=a&limit=100000&offset=-3").statusCode()).isEqualTo(200);
    }

    @Test
    void aRestartCatchesUpAndADamagedIndexIsRebuilt() throws Exception {
        put("/api/v1/pages/Later", "{\"markdown\":\"Mentions axolotls.\\n\"}");
        wiki.close();
        wiki = TestWiki.startOn(dir, dir.resolve("seed"));
        assertThat(search("axolotls").get("total").asLong()).isEqualTo(1);
        wiki.close();
        try (Stream<Path> files = Files.walk(dir.resolve("data/index/pages"))) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.write(file, new byte[] {1, 2, 3, 4});
            }
        }
        wiki = TestWiki.startOn(dir, dir.resolve("seed"));
        assertThat(search("axolotls").get("total").asLong()).isEqualTo(1);
    }

    private JsonNode search(String query) throws Exception {
        return wiki.getJson("/api/v1/search?q=" + enc(query));
    }

    private void put(String path, String body) throws Exception {
        HttpResponse<String> response = wiki.send(HttpRequest.newBuilder(wiki.uri(path)).header("Authorization", EDITOR)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).isIn(200, 201);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
