package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Page views for readers who are not logged in are served from finished bytes; they must never
 * show anything stale: a save, a new page that turns a red link blue, or a login changes them.
 */
class CachedPageViewsTest {
    private static final String EDITOR = TestWiki.basic("editor", "correct horse");

    @TempDir
    Path dir;

    TestWiki wiki;

    @BeforeEach
    void start() throws Exception {
        TestWiki.addAccount(dir, "editor", "editor", "correct horse");
        wiki = TestWiki.start(dir, Map.of(
                "Home.md", "# Home\n\nSee the [[Guide]] and the [[Later Page]].\n",
                "Guide.md", "# Guide\n\nFirst words. Back [[Home]].\n"));
    }

    @AfterEach
    void stop() {
        wiki.close();
    }

    @Test
    void repeatedViewsGiveTheSameBytesAndETagAndAnswerIfNoneMatch() throws Exception {
        HttpResponse<String> first = wiki.get("/wiki/Guide");
        HttpResponse<String> second = wiki.get("/wiki/Guide");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(second.headers().firstValue("ETag")).hasValue(etag);
        assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(second.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(wiki.get("/wiki/Guide", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(wiki.get("/wiki/Guide", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }

    @Test
    void aCachedViewCarriesTheSameHeadersAsTheFirst() throws Exception {
        HttpResponse<String> first = wiki.get("/wiki/Guide");
        HttpResponse<String> second = wiki.get("/wiki/Guide");
        Map<String, java.util.List<String>> expected = new java.util.TreeMap<>(first.headers().map());
        Map<String, java.util.List<String>> actual = new java.util.TreeMap<>(second.headers().map());
        expected.remove("date");
        actual.remove("date");
        assertThat(actual).isEqualTo(expected);
        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void aBrowserLoggedInWithASessionGetsItsOwnPage() throws Exception {
        String anonymous = wiki.get("/wiki/Guide").body();
        wiki.get("/wiki/Guide");
        assertThat(wiki.login("editor", "correct horse").statusCode()).isIn(302, 303);
        String editor = wiki.get("/wiki/Guide").body();
        assertThat(editor).isNotEqualTo(anonymous);
        assertThat(Jsoup.parse(editor).select("a[href=/edit/Guide]")).hasSize(1);
    }

    @Test
    void gzipIsSentToClientsThatAcceptItAndHoldsTheSamePage() throws Exception {
        String plain = wiki.get("/wiki/Guide").body();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<byte[]> zipped = client.send(HttpRequest.newBuilder(wiki.uri("/wiki/Guide"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Accept-Encoding"));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
        }
        HttpResponse<byte[]> refused = client.send(HttpRequest.newBuilder(wiki.uri("/wiki/Guide"))
                .header("Accept-Encoding", "gzip;q=0").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).isEqualTo(plain);
    }

    @Test
    void aSaveShowsAtOnce() throws Exception {
        String before = wiki.get("/wiki/Guide").body();
        assertThat(before).contains("First words.");
        assertThat(put("/api/v1/pages/Guide", "{\"markdown\":\"# Guide\\n\\nSecond words.\\n\"}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> after = wiki.get("/wiki/Guide");
        assertThat(after.body()).contains("Second words.").doesNotContain("First words.");
    }

    @Test
    void aNewPageTurnsRedLinksBlueAndAddsBacklinks() throws Exception {
        assertThat(Jsoup.parse(wiki.get("/").body()).select("a[href=/wiki/Later-Page]").hasClass("missing")).isTrue();
        assertThat(Jsoup.parse(wiki.get("/wiki/Guide").body()).select(".backlinks a").eachText())
                .containsExactly("Home");
        assertThat(put("/api/v1/pages/Later-Page", "{\"markdown\":\"# Later\\n\\nAbout the [[Guide]].\\n\"}")
                .statusCode()).isEqualTo(201);
        assertThat(Jsoup.parse(wiki.get("/").body()).select("a[href=/wiki/Later-Page]").hasClass("missing")).isFalse();
        assertThat(Jsoup.parse(wiki.get("/wiki/Guide").body()).select(".backlinks a").eachText())
                .containsExactlyInAnyOrder("Home", "Later");
    }

    @Test
    void editorsDoNotGetTheAnonymousBytes() throws Exception {
        String anonymous = wiki.get("/wiki/Guide").body();
        assertThat(Jsoup.parse(anonymous).select("a[href=/edit/Guide]")).isEmpty();
        String editor = wiki.get("/wiki/Guide", "Authorization", EDITOR).body();
        assertThat(Jsoup.parse(editor).select("a[href=/edit/Guide]")).hasSize(1);
        assertThat(wiki.get("/wiki/Guide").body()).isEqualTo(anonymous);
    }

    @Test
    void aDeletedPageIsGone() throws Exception {
        assertThat(wiki.get("/wiki/Guide").statusCode()).isEqualTo(200);
        assertThat(wiki.send(HttpRequest.newBuilder(wiki.uri("/api/v1/pages/Guide")).header("Authorization", EDITOR)
                .DELETE()).statusCode()).isEqualTo(200);
        assertThat(wiki.get("/wiki/Guide").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> put(String path, String json) throws Exception {
        return wiki.send(HttpRequest.newBuilder(wiki.uri(path)).header("Authorization", EDITOR)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
