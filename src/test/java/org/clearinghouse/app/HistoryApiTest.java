package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.clearinghouse.page.Author;
import org.clearinghouse.store.ContentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The history contracts from outside: JSON shapes, the unified diff, revert over the API, Atom feeds. */
class HistoryApiTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String EDITOR = TestWiki.basic("editor", "correct horse");
    private static final Author OUTSIDE = new Author("Outside Editor", "outside@example.org");

    @TempDir
    Path dir;

    TestWiki wiki;
    String seed;

    @BeforeEach
    void start() throws Exception {
        TestWiki.addAccount(dir, "editor", "editor", "correct horse");
        TestWiki.addAccount(dir, "reader", "reader", "reader pass");
        wiki = TestWiki.start(dir, Map.of("Plan.md", "# Plan\n\nOne.\nTwo.\n", "Home.md", "# Home\n"));
        seed = wiki.getJson("/health").get("revision").asText();
    }

    @AfterEach
    void stop() {
        wiki.close();
    }

    @Test
    void historyJsonHasTheDocumentedFieldsAndACursor() throws Exception {
        List<String> saves = commitOutside(3, "Plan.md");
        JsonNode first = wiki.getJson("/api/v1/pages/Plan/history?limit=2");
        JsonNode revisions = first.get("revisions");
        assertThat(revisions).hasSize(2);
        JsonNode newest = revisions.get(0);
        List<String> fields = new ArrayList<>();
        newest.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("revision", "author", "email", "time", "message", "kind");
        assertThat(newest.get("revision").asText()).isEqualTo(saves.get(2));
        assertThat(newest.get("author").asText()).isEqualTo("Outside Editor");
        assertThat(newest.get("email").asText()).isEqualTo("outside@example.org");
        assertThat(newest.get("message").asText()).isEqualTo("Change 3");
        assertThat(newest.get("kind").asText()).isEqualTo("modify");
        assertThat(OffsetDateTime.parse(newest.get("time").asText())).isNotNull();
        assertThat(newest.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
        assertThat(first.get("next").asText()).isEqualTo(saves.get(1));

        JsonNode rest = wiki.getJson("/api/v1/pages/Plan/history?limit=2&before=" + first.get("next").asText());
        assertThat(rest.get("revisions")).extracting(r -> r.get("revision").asText()).containsExactly(saves.get(0), seed);
        assertThat(rest.get("revisions").get(1).get("kind").asText()).isEqualTo("add");
        assertThat(rest.get("next").isNull()).isTrue();
    }

    @Test
    void badRevisionsAndLimitsAreClearClientErrors() throws Exception {
        assertError(wiki.get("/api/v1/pages/Plan/history?before=--all"), 400);
        assertError(wiki.get("/api/v1/pages/Plan/history?before=HEAD~1"), 400);
        assertError(wiki.get("/api/v1/pages/Plan/history?before=" + "1".repeat(40)), 404);
        assertError(wiki.get("/api/v1/pages/Plan/history?limit=ten"), 400);
        assertError(wiki.get("/api/v1/pages/Plan/history?limit=0"), 400);
        assertError(wiki.get("/api/v1/pages/Never/history"), 404);
        assertError(wiki.get("/api/v1/pages/Plan/diff?from=main&to=" + seed), 400);
        assertError(wiki.get("/api/v1/pages/Plan/diff?from=" + "abcdef0".repeat(5) + "ab"), 404);
        assertError(wiki.get("/api/v1/changes?before=%3Bls"), 400);
        assertError(wiki.get("/api/v1/changes?before=" + "2".repeat(40)), 404);
        assertError(revert("Plan", "{\"revision\":\"nope\"}", EDITOR), 400);
        assertError(revert("Plan", "{\"revision\":\"" + "3".repeat(40) + "\"}", EDITOR), 400);
        assertError(revert("Plan", "{}", EDITOR), 400);
    }

    @Test
    void diffIsAUnifiedDiffAsGitPrintsIt() throws Exception {
        String changed = commitOutside(1, "Plan.md").get(0);
        HttpResponse<String> diff = wiki.get("/api/v1/pages/Plan/diff?from=" + seed + "&to=" + changed);
        assertThat(diff.statusCode()).isEqualTo(200);
        assertThat(diff.headers().firstValue("Content-Type").orElse("")).startsWith("text/x-diff");
        assertThat(diff.body()).startsWith("diff --git a/Plan.md b/Plan.md\nindex ")
                .contains("--- a/Plan.md\n+++ b/Plan.md\n@@ ")
                .contains("\n-Two.\n+Two, change 1.\n");
        // Without from, the diff is against the previous revision of the page.
        assertThat(wiki.get("/api/v1/pages/Plan/diff?to=" + changed).body()).isEqualTo(diff.body());
        assertThat(wiki.get("/api/v1/pages/Plan/diff?from=" + changed + "&to=" + changed).body()).isEmpty();
    }

    @Test
    void changesJsonFiltersByAuthorAndPrefix() throws Exception {
        commitOutside(2, "Kits/Guide.md");
        JsonNode all = wiki.getJson("/api/v1/changes?limit=50");
        assertThat(all.get("changes")).hasSize(4);
        List<String> fields = new ArrayList<>();
        all.get("changes").get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("revision", "path", "author", "time", "message", "kind");
        assertThat(all.get("changes").get(0).get("path").asText()).isEqualTo("Kits/Guide");
        assertThat(all.get("next").isNull()).isTrue();
        assertThat(wiki.getJson("/api/v1/changes?prefix=Kits/").get("changes")).hasSize(2);
        assertThat(wiki.getJson("/api/v1/changes?author=Outside%20Editor").get("changes")).hasSize(2);
        JsonNode paged = wiki.getJson("/api/v1/changes?limit=1");
        assertThat(paged.get("changes")).hasSize(1);
        assertThat(wiki.getJson("/api/v1/changes?limit=1&before=" + paged.get("next").asText())
                .get("changes").get(0).get("message").asText()).isEqualTo("Change 1");
    }

    @Test
    void revertOverTheApiIsANewCommitForEditorsOnly() throws Exception {
        String changed = commitOutside(1, "Plan.md").get(0);
        assertThat(revert("Plan", "{\"revision\":\"" + seed + "\"}", null).statusCode()).isEqualTo(401);
        assertThat(revert("Plan", "{\"revision\":\"" + seed + "\"}", TestWiki.basic("reader", "reader pass"))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> reverted = revert("Plan",
                "{\"revision\":\"" + seed.substring(0, 10) + "\",\"message\":\"Back to the seed\"}", EDITOR);
        assertThat(reverted.statusCode()).isEqualTo(200);
        JsonNode body = TestWiki.json(reverted);
        assertThat(body.get("changed").asBoolean()).isTrue();
        String commit = body.get("revision").asText();
        assertThat(commit).matches("[0-9a-f]{40}").isNotIn(seed, changed);
        assertThat(wiki.getJson("/api/v1/pages/Plan").get("markdown").asText()).isEqualTo("# Plan\n\nOne.\nTwo.\n");
        JsonNode history = wiki.getJson("/api/v1/pages/Plan/history");
        assertThat(history.get("revisions")).extracting(r -> r.get("revision").asText())
                .containsExactly(commit, changed, seed);
        assertThat(history.get("revisions").get(0).get("message").asText()).isEqualTo("Back to the seed");
        // Reverting again changes nothing and makes no commit.
        JsonNode again = TestWiki.json(revert("Plan", "{\"revision\":\"" + seed + "\"}", EDITOR));
        assertThat(again.get("changed").asBoolean()).isFalse();
        assertThat(wiki.getJson("/health").get("revision").asText()).isEqualTo(commit);
    }

    @Test
    void feedsAreAtomWithAtMostFiftyEntries() throws Exception {
        commitOutside(55, "Plan.md");
        HttpResponse<String> response = wiki.get("/feed.atom");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        Element feed = parse(response.body());
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        for (String required : List.of("id", "title", "updated", "author")) {
            assertThat(children(feed, required)).as(required).isNotEmpty();
        }
        assertThat(links(feed)).containsEntry("self", wiki.uri("/feed.atom").toString());
        List<Element> entries = children(feed, "entry");
        assertThat(entries).hasSize(50);
        for (Element entry : entries) {
            for (String required : List.of("id", "title", "updated", "author", "summary", "link")) {
                assertThat(children(entry, required)).as(required).hasSize(1);
            }
            assertThat(OffsetDateTime.parse(children(entry, "updated").get(0).getTextContent())).isNotNull();
        }
        assertThat(children(entries.get(0), "title").get(0).getTextContent()).contains("Plan").contains("Change 55");

        Element page = parse(wiki.get("/feed.atom?path=Home").body());
        assertThat(children(page, "entry")).hasSize(1);
        assertThat(links(page)).containsEntry("self", wiki.uri("/feed.atom?path=Home").toString());
        assertThat(wiki.get("/feed.atom?path=Never").statusCode()).isEqualTo(404);
    }

    /** Commits {@code count} changes of one file from outside the server, then lets it catch up. */
    private List<String> commitOutside(int count, String file) throws Exception {
        List<String> commits = new ArrayList<>();
        try (ContentStore outside = ContentStore.openOrSeed(wiki.gitDir(), dir.resolve("unused"))) {
            for (int i = 1; i <= count; i++) {
                String text = "# " + file + "\n\nOne.\nTwo, change " + i + ".\n";
                commits.add(outside.commit(outside.head(), Map.of(file, Optional.of(text.getBytes(StandardCharsets.UTF_8))),
                        OUTSIDE, "Change " + i));
            }
        }
        wiki.app().wiki().refresh();
        return commits;
    }

    private HttpResponse<String> revert(String page, String body, String auth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(wiki.uri("/api/v1/pages/" + page + "/revert"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return wiki.send(request);
    }

    private static void assertError(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(TestWiki.json(response).get("message").asText()).isNotBlank();
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return document.getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && ATOM.equals(element.getNamespaceURI())
                    && element.getLocalName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static Map<String, String> links(Element parent) {
        Map<String, String> links = new java.util.HashMap<>();
        for (Element link : children(parent, "link")) {
            links.put(link.getAttribute("rel"), link.getAttribute("href"));
        }
        return links;
    }
}
