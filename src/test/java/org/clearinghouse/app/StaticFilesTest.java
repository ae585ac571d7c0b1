package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stylesheets and scripts packed in the jar: served with their type, cached with an ETag,
 * and nothing but them reachable under /static.
 */
class StaticFilesTest {
    @TempDir
    static Path dir;

    static TestWiki wiki;

    @BeforeAll
    static void start() throws Exception {
        wiki = TestWiki.start(dir, Map.of("Home.md", "# Home\n\nHello.\n"));
    }

    @AfterAll
    static void stop() {
        wiki.close();
    }

    @Test
    void theBundledFilesAreServedWithTheirTypeAndAnETag() throws Exception {
        HttpResponse<String> css = wiki.get("/static/style.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(css.headers().firstValue("Cache-Control")).contains("public, max-age=300");
        assertThat(css.body()).contains("{");
        HttpResponse<String> js = wiki.get("/static/suggest.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");

        String etag = css.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isNotEqualTo(js.headers().firstValue("ETag").orElseThrow());
        HttpResponse<String> again = wiki.get("/static/style.css", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void nothingElseIsReachableUnderStatic() throws Exception {
        for (String path : List.of("/static/nope.css", "/static/..%2F..%2Fapplication.properties",
                "/static/%2e%2e/index.html", "/static/.hidden.css", "/static/style.css.bak", "/static/",
                "/static/edit.js%00.css", "/static/../templates/page.peb")) {
            HttpResponse<String> response = wiki.get(path);
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("{%").doesNotContain("\"use strict\"");
        }
    }
}
