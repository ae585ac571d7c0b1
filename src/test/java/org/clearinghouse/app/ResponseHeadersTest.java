package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security headers on every kind of response (pages, errors, static files, attachments,
 * JSON, redirects, 304s, HEAD, and the errors Jetty answers before any route runs), no server
 * banner, HEAD answered like GET without a body, and no stack trace or internal path in any
 * answer to a sweep of bad requests.
 */
class ResponseHeadersTest {
    /** Markers of a leaked stack trace, class or file-system path. */
    static final List<String> LEAKS = List.of("Exception", "\tat ", "at org.", "at java.", ".java:", "Caused by",
            "org.clearinghouse", "org.eclipse", "io.javalin", "/tmp/", "/work/", "/home/", "/root/", "jetty");

    @TempDir
    static Path dir;

    static TestWiki wiki;

    @BeforeAll
    static void start() throws Exception {
        TestWiki.addAccount(dir, "editor", "editor", "correct horse");
        wiki = TestWiki.start(dir, Map.of("Home.md", "# Home\n\nHello.\n", "Home/handout.pdf", "%PDF-1.4",
                "Home/logo.svg", "<svg onload=alert(1)></svg>"));
    }

    @AfterAll
    static void stop() {
        wiki.close();
    }

    @Test
    void everyKindOfResponseCarriesTheHeadersAndNoBanner() throws Exception {
        String etag = wiki.get("/wiki/Home").headers().firstValue("ETag").orElseThrow();
        Map<String, HttpResponse<String>> responses = new LinkedHashMap<>();
        for (String path : List.of("/", "/wiki/Home", "/wiki/Nope", "/pages", "/tags", "/search?q=hello", "/login",
                "/health", "/api/v1/pages", "/api/v1/pages/Nope", "/api/v1/search?q=x", "/static/style.css",
                "/static/nope.css", "/wiki/Home/handout.pdf", "/files/Home/logo.svg", "/opensearch.xml",
                "/edit/Home", "/no/such/route", "/api/v1/pages/Home?revision=HEAD", "/history/Home", "/changes")) {
            responses.put("GET " + path, wiki.get(path));
        }
        responses.put("GET 304", wiki.get("/wiki/Home", "If-None-Match", etag));
        for (String method : List.of("HEAD", "DELETE", "PATCH", "OPTIONS", "TRACE", "PUT", "POST")) {
            responses.put(method + " /wiki/Home", wiki.send(HttpRequest.newBuilder(wiki.uri("/wiki/Home"))
                    .method(method, HttpRequest.BodyPublishers.noBody())));
        }
        responses.put("PUT API anonymous", wiki.send(HttpRequest.newBuilder(wiki.uri("/api/v1/pages/Home"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))));
        assertThat(responses.get("GET 304").statusCode()).isEqualTo(304);
        assertThat(responses.get("GET /edit/Home").statusCode()).isEqualTo(303);
        assertThat(responses.get("GET /wiki/Nope").statusCode()).isEqualTo(404);
        for (Map.Entry<String, HttpResponse<String>> response : responses.entrySet()) {
            assertStrictHeaders(response.getValue().headers()::firstValue, response.getKey());
            assertThat(response.getValue().statusCode()).as(response.getKey()).isLessThan(500);
            assertNoLeak(response.getValue().body(), response.getKey());
        }
    }

    @Test
    void errorsJettyAnswersItselfCarryTheHeadersToo() throws Exception {
        List<String> requests = List.of(
                "GET /wiki/a%00b HTTP/1.1", "GET /wiki/% HTTP/1.1", "GET /wiki/%zz HTTP/1.1",
                "GET /wiki/" + "a".repeat(20_000) + " HTTP/1.1", "GET /../../etc/passwd HTTP/1.1",
                "BREW /wiki/Home HTTP/1.1", "GET /wiki/Home HTTP/9.9");
        for (String request : requests) {
            RawResponse response = raw(request + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            String label = request.length() > 60 ? request.substring(0, 60) : request;
            assertThat(response.status).as(label).isBetween(400, 505);
            assertStrictHeaders(name -> java.util.Optional.ofNullable(response.headers.get(name.toLowerCase(Locale.ROOT))),
                    label);
            assertNoLeak(response.body, label);
        }
        RawResponse bigHeader = raw("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(40_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(bigHeader.status).isEqualTo(431);
        assertStrictHeaders(name -> java.util.Optional.ofNullable(bigHeader.headers.get(name.toLowerCase(Locale.ROOT))),
                "431");
    }

    @Test
    void aKnownAddressAskedWithAnotherMethodAnswers405AndAnUnknownOne404() throws Exception {
        HttpResponse<String> wrongMethod = wiki.send(HttpRequest.newBuilder(wiki.uri("/api/v1/search?q=x"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).contains("does not accept that kind of request");
        HttpResponse<String> nowhere = wiki.send(HttpRequest.newBuilder(wiki.uri("/no/such/route"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));
        assertThat(nowhere.statusCode()).isEqualTo(404);
    }

    @Test
    void headIsAnsweredLikeGetWithoutABody() throws Exception {
        for (String path : List.of("/wiki/Home", "/api/v1/pages/Home", "/static/style.css", "/wiki/Nope",
                "/wiki/Home/handout.pdf")) {
            HttpResponse<String> get = wiki.get(path);
            HttpResponse<String> head = wiki.send(HttpRequest.newBuilder(wiki.uri(path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode());
            assertThat(head.body()).as(path).isEmpty();
            assertThat(head.headers().firstValue("Content-Type")).as(path)
                    .isEqualTo(get.headers().firstValue("Content-Type"));
            assertThat(head.headers().firstValue("ETag")).as(path).isEqualTo(get.headers().firstValue("ETag"));
        }
    }

    @Test
    void aSweepOfBadRequestsNeverShowsAStackTraceOrAPath() throws Exception {
        String editor = TestWiki.basic("editor", "correct horse");
        List<HttpRequest.Builder> requests = new ArrayList<>();
        for (String body : List.of("not json", "[1,2]", "{\"markdown\":5}", "{\"markdown\":null}", "{\"markdown\":\"x\",\"message\":[]}",
                "{\"markdown\":\"x\",\"baseRevision\":\"HEAD~1\"}", "{\"markdown\":\"x\",\"baseRevision\":\"--all\"}",
                "{\"markdown\":\"---\\ntitle: [\\n---\\n\"}", "{", "\u0000", "{\"markdown\":\"x\"}{\"markdown\":\"y\"}")) {
            requests.add(HttpRequest.newBuilder(wiki.uri("/api/v1/pages/Home")).header("Authorization", editor)
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
        }
        requests.add(HttpRequest.newBuilder(wiki.uri("/api/v1/pages/Home/rename")).header("Authorization", editor)
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"../../etc\"}")));
        requests.add(HttpRequest.newBuilder(wiki.uri("/api/v1/pages/.git/config")).header("Authorization", editor)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"markdown\":\"x\"}")));
        requests.add(HttpRequest.newBuilder(wiki.uri("/api/v1/files/Home/x.md")).header("Authorization", editor)
                .PUT(HttpRequest.BodyPublishers.ofString("x")));
        requests.add(HttpRequest.newBuilder(wiki.uri("/upload/Home")).header("Authorization", editor)
                .header("Content-Type", "multipart/form-data; boundary=zzz")
                .POST(HttpRequest.BodyPublishers.ofString("--zzz\r\nbroken")));
        requests.add(HttpRequest.newBuilder(wiki.uri("/preview"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("markdown=%zz&path=%%")));
        for (String auth : List.of("Basic", "Basic !!!", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("nocolon".getBytes()), "Bearer x", "Basic " + "A".repeat(10_000))) {
            requests.add(HttpRequest.newBuilder(wiki.uri("/api/v1/pages/Home")).header("Authorization", auth)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"markdown\":\"x\"}")));
        }
        for (String query : List.of("/search?q=%22&page=x", "/search?page=-1&q=a", "/api/v1/search?q=a&limit=-5",
                "/api/v1/search?q=a&offset=99999999999", "/api/v1/search?q=a&limit=100000000", "/api/v1/suggest?q=&limit=x",
                "/search?q=" + "a(".repeat(400), "/api/v1/search?q=tag:" + "%5B".repeat(300), "/tags/%20",
                "/api/v1/changes?before=zz&limit=-1", "/changes?author=%00", "/resources?page=0")) {
            requests.add(HttpRequest.newBuilder(wiki.uri(query)).GET());
        }
        for (HttpRequest.Builder request : requests) {
            HttpResponse<String> response;
            try {
                response = wiki.send(request.copy());
            } catch (IOException closed) {
                // Jetty closes the connection after refusing a malformed body; the client may have
                // reused it for this request. Once more, on a fresh connection.
                response = wiki.send(request.copy());
            }
            String label = response.request().method() + " " + response.request().uri();
            assertThat(response.statusCode()).as(label + " " + response.body()).isLessThan(500);
            assertNoLeak(response.body(), label);
            assertStrictHeaders(response.headers()::firstValue, label);
        }
    }

    /** The headers every response must carry. */
    static void assertStrictHeaders(java.util.function.Function<String, java.util.Optional<String>> header, String label) {
        String csp = header.apply("Content-Security-Policy").orElse("");
        assertThat(csp).as("CSP of " + label).containsAnyOf("default-src 'self'", "default-src 'none'")
                .contains("object-src 'none'")
                .contains("base-uri 'none'").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
        String scripts = directive(csp, "script-src");
        assertThat(scripts).as("script-src of " + label).doesNotContain("unsafe-inline");
        assertThat(header.apply("X-Content-Type-Options")).as(label).contains("nosniff");
        assertThat(header.apply("Referrer-Policy")).as(label).isPresent();
        header.apply("Server").ifPresent(server -> assertThat(server).as("Server of " + label).doesNotContainPattern("\\d"));
        assertThat(header.apply("X-Powered-By")).as(label).isEmpty();
    }

    private static String directive(String csp, String name) {
        for (String part : csp.split(";")) {
            if (part.strip().startsWith(name + " ")) {
                return part.strip();
            }
        }
        return directive(csp, "default-src").isEmpty() ? "" : directive(csp, "default-src");
    }

    static void assertNoLeak(String body, String label) {
        for (String leak : LEAKS) {
            assertThat(body).as(label + " leaks " + leak).doesNotContain(leak);
        }
    }

    private record RawResponse(int status, Map<String, String> headers, String body) {}

    /** Sends bytes as they are: java.net.http would refuse to send most of these requests. */
    private static RawResponse raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", wiki.app().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end < 0 ? text.length() : end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
                }
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers,
                    end < 0 ? "" : text.substring(end + 4));
        }
    }
}
