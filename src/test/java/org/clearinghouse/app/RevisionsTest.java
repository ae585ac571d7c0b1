package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.page.Author;
import org.clearinghouse.store.ContentStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A commit made from outside the server shows up, and the revision before it stays readable. */
class RevisionsTest {
    @TempDir
    Path dir;

    TestWiki wiki;

    @BeforeEach
    void start() throws Exception {
        wiki = TestWiki.start(dir, Map.of(
                "Home.md", "Home links [[Guide]].\n",
                "Guide.md", "# Guide Title\n",
                "Folder/Child.md", "Just text, no heading.\n"));
    }

    @AfterEach
    void stop() {
        wiki.close();
    }

    @Test
    void oldRevisionsAndCommitsFromOutsideAreServed() throws Exception {
        String first = wiki.getJson("/health").get("revision").asText();
        String second;
        try (ContentStore outside = ContentStore.openOrSeed(wiki.gitDir(), dir.resolve("unused"))) {
            second = outside.commit(Optional.of(first),
                    Map.of("Folder/Child.md", Optional.of("# Child, rewritten\n\nNow links [[Guide]].\n"
                            .getBytes(StandardCharsets.UTF_8))),
                    new Author("Outside Editor", "outside@example.org"), "Rewrite the child page");
        }
        wiki.app().wiki().refresh();
        assertThat(wiki.getJson("/health").get("revision").asText()).isEqualTo(second);

        Document now = Jsoup.parse(wiki.get("/wiki/Folder/Child").body());
        assertThat(now.select("h1").first().text()).isEqualTo("Child, rewritten");
        assertThat(now.select(".page-meta .author").text()).isEqualTo("Outside Editor");
        assertThat(wiki.getJson("/api/v1/pages/Guide/backlinks").get("pages")).hasSize(2);

        HttpResponse<String> old = wiki.get("/wiki/Folder/Child?revision=" + first.substring(0, 7));
        assertThat(old.statusCode()).isEqualTo(200);
        Document oldPage = Jsoup.parse(old.body());
        assertThat(oldPage.select(".banner--old a[href=/wiki/Folder/Child]")).hasSize(1);
        assertThat(oldPage.select(".markdown").text()).contains("Just text, no heading.");
        JsonNode oldJson = wiki.getJson("/api/v1/pages/Folder/Child?revision=" + first);
        assertThat(oldJson.get("revision").asText()).isEqualTo(first);
        assertThat(oldJson.get("markdown").asText()).isEqualTo("Just text, no heading.\n");
        assertThat(wiki.getJson("/api/v1/pages/Folder/Child").get("revision").asText()).isEqualTo(second);
        assertThat(wiki.get("/wiki/Folder/Child?revision=" + "1".repeat(40)).statusCode()).isEqualTo(404);
    }

}
