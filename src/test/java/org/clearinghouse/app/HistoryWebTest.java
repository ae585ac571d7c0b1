package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reviewer's pages in a browser's shoes: history, compare, blame, revert, recent changes. */
class HistoryWebTest {
    private static final String FIRST = "---\ntitle: Plan\ntags: [careers]\n---\n# Plan\n\nInvite the speakers early.\n";

    @TempDir
    Path dir;

    TestWiki wiki;
    String seed;
    String second;
    String third;

    @BeforeEach
    void start() throws Exception {
        TestWiki.addAccount(dir, "editor", "editor", "correct horse");
        wiki = TestWiki.start(dir, Map.of("Plan.md", FIRST, "Home.md", "# Home\n"));
        seed = wiki.getJson("/health").get("revision").asText();
        wiki.login("editor", "correct horse");
        second = save("Plan", FIRST.replace("early", "three weeks early") + "\nBook a room.\n", "Add a room");
        third = save("Kits/Guide", "---\ntags: [events]\n---\n# Guide\n", "New guide");
    }

    @AfterEach
    void stop() {
        wiki.close();
    }

    @Test
    void historyListsRevisionsNewestFirstWithTheCompareForm() throws Exception {
        HttpResponse<String> response = wiki.get("/history/Plan");
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        var rows = page.select("tr.history-entry");
        assertThat(rows).hasSize(2);
        Element newest = rows.get(0);
        assertThat(newest.select(".revision-id").text()).isEqualTo(second.substring(0, 7));
        assertThat(newest.select("a.revision-id").attr("href")).isEqualTo("/wiki/Plan?revision=" + second);
        assertThat(newest.select(".author").text()).isEqualTo("editor Display");
        assertThat(newest.select("time").attr("title")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d [+-]\\d\\d:\\d\\d");
        assertThat(newest.select("time").text()).isEqualTo("just now");
        assertThat(newest.text()).contains("Add a room").contains("+");
        assertThat(rows.get(1).text()).contains("created");
        Element form = page.selectFirst("form.compare-form");
        assertThat(form.attr("action")).isEqualTo("/diff/Plan");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.select("input[type=radio][name=from]")).hasSize(2);
        assertThat(form.select("input[type=radio][name=to]")).hasSize(2);
        assertThat(form.select("input[name=from][checked]").val()).isEqualTo(seed);
        assertThat(form.select("input[name=to][checked]").val()).isEqualTo(second);
        assertThat(form.select("button[type=submit]").text()).contains("Compare");
        // Editors get one revert button (not on the newest revision), in a POST form with a token.
        assertThat(page.select("form.revert-form")).hasSize(1);
        assertThat(page.select("form.revert-form input[name=csrf_token]").val()).isNotBlank();
        assertThat(page.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
                .contains("/feed.atom", "/feed.atom?path=Plan");
        assertThat(wiki.get("/history/Never-Was").statusCode()).isEqualTo(404);
        assertThat(wiki.get("/history/Plan?before=zzz").statusCode()).isEqualTo(400);
    }

    @Test
    void pagesLinkToTheirHistoryAndTheLayoutToTheFeed() throws Exception {
        Document page = Jsoup.parse(wiki.get("/wiki/Plan").body());
        assertThat(page.select("a[href=/history/Plan]")).isNotEmpty();
        assertThat(page.select("head link[rel=alternate][type=application/atom+xml][href=/feed.atom]")).hasSize(1);
        assertThat(page.select("head link[href=/feed.atom?path=Plan]")).hasSize(1);
        assertThat(Jsoup.parse(wiki.get("/edit/Plan").body()).select("a[href=/history/Plan]")).isNotEmpty();
        Document old = Jsoup.parse(wiki.get("/wiki/Plan?revision=" + seed).body());
        assertThat(old.select(".banner--old").text()).contains(seed.substring(0, 7));
        assertThat(old.select(".banner--old a[href=/diff/Plan?from=" + seed + "]")).hasSize(1);
        assertThat(old.select(".page-meta .author").text()).isEqualTo("Clearinghouse");
    }

    @Test
    void diffShowsWordsThatChangedSideBySideAndInline() throws Exception {
        HttpResponse<String> response = wiki.get("/diff/Plan?from=" + seed + "&to=" + second);
        assertThat(response.statusCode()).isEqualTo(200);
        Document side = Jsoup.parse(response.body());
        assertThat(side.select("table.diff--side")).hasSize(1);
        assertThat(side.select("table.diff ins").eachText()).contains("three weeks", "Book a room.");
        assertThat(side.select("table.diff del")).isEmpty();
        assertThat(side.select("tr.diff-row--change td.text--old").text()).isEqualTo("Invite the speakers early.");

        Document inline = Jsoup.parse(wiki.get("/diff/Plan?from=" + second + "&to=" + seed + "&view=inline").body());
        assertThat(inline.select("table.diff--inline")).hasSize(1);
        assertThat(inline.select("tr.diff-line--delete del").eachText()).contains("three weeks");
        assertThat(inline.select("tr.diff-line--delete").size()).isEqualTo(3);

        // Front matter is text like any other; the default range is the latest change.
        String tagged = save("Plan", FIRST.replace("[careers]", "[careers, events]"), "Tag it");
        Document tags = Jsoup.parse(wiki.get("/diff/Plan?to=" + tagged).body());
        assertThat(tags.select("table.diff ins").eachText()).contains(", events");
        assertThat(Jsoup.parse(wiki.get("/diff/Plan").body()).select("table.diff ins").eachText()).contains(", events");
        assertThat(wiki.get("/diff/Plan?from=HEAD&to=" + second).statusCode()).isEqualTo(400);
        assertThat(wiki.get("/diff/Plan?from=" + "abcd".repeat(10) + "&to=" + second).statusCode()).isEqualTo(404);
    }

    @Test
    void blameShowsTheRevisionOfEveryLine() throws Exception {
        Document page = Jsoup.parse(wiki.get("/blame/Plan").body());
        var lines = page.select("tr.blame-line");
        assertThat(lines).hasSize(9);
        assertThat(lines.get(0).select(".revision-id").text()).isEqualTo(seed.substring(0, 7));
        assertThat(lines.get(6).select(".text").text()).isEqualTo("Invite the speakers three weeks early.");
        assertThat(lines.get(6).select(".revision-id").text()).isEqualTo(second.substring(0, 7));
        assertThat(lines.get(6).select(".author").text()).isEqualTo("editor Display");
        assertThat(wiki.get("/blame/Never-Was").statusCode()).isEqualTo(404);
    }

    @Test
    void revertMakesANewCommitWithTheOldTextAndKeepsHistory() throws Exception {
        String token = TestWiki.csrfToken(wiki.get("/history/Plan").body());
        HttpResponse<String> reverted = wiki.postForm("/revert/Plan", Map.of("csrf_token", token, "revision", seed));
        assertThat(reverted.statusCode()).isEqualTo(303);
        assertThat(reverted.headers().firstValue("Location").orElse("")).startsWith("/history/Plan?reverted=");
        assertThat(wiki.getJson("/api/v1/pages/Plan").get("markdown").asText()).isEqualTo(FIRST);
        Document history = Jsoup.parse(wiki.get(reverted.headers().firstValue("Location").orElseThrow()).body());
        assertThat(history.select("tr.history-entry")).hasSize(3);
        assertThat(history.select("tr.history-entry").get(0).text()).contains("Revert Plan to " + seed.substring(0, 7));
        assertThat(history.select(".banner").text()).contains("reverted");
        // Without the token nothing happens.
        assertThat(wiki.postForm("/revert/Plan", Map.of("revision", second)).statusCode()).isEqualTo(403);
    }

    @Test
    void recentChangesAreFilteredByAuthorPrefixAndTag() throws Exception {
        Document all = Jsoup.parse(wiki.get("/changes").body());
        assertThat(all.select("tr.change")).hasSize(4);
        assertThat(all.select("tr.change").get(0).text()).contains("Kits/Guide").contains("created");
        assertThat(Jsoup.parse(wiki.get("/changes?prefix=Kits/").body()).select("tr.change")).hasSize(1);
        assertThat(Jsoup.parse(wiki.get("/changes?tag=careers").body()).select("tr.change")).hasSize(2);
        assertThat(Jsoup.parse(wiki.get("/changes?author=editor@example.org").body()).select("tr.change")).hasSize(2);
        Document nobody = Jsoup.parse(wiki.get("/changes?author=nobody").body());
        assertThat(nobody.select("tr.change")).isEmpty();
        assertThat(nobody.select("input[name=author]").val()).isEqualTo("nobody");
    }

    private String save(String path, String markdown, String message) throws Exception {
        String token = TestWiki.csrfToken(wiki.get("/edit/" + path).body());
        HttpResponse<String> saved = wiki.postForm("/edit/" + path, Map.of("csrf_token", token, "markdown", markdown,
                "message", message, "baseRevision", ""));
        assertThat(saved.statusCode()).isEqualTo(303);
        return wiki.getJson("/health").get("revision").asText();
    }
}
