package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.account.AccountStore;
import org.clearinghouse.account.PasswordHasher;
import org.clearinghouse.account.Role;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.store.ContentStore;
import org.clearinghouse.web.WebApp;
import org.clearinghouse.web.WebSettings;
import org.clearinghouse.wiki.Wiki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logins and sessions under attack: an unknown account and a wrong password are answered alike,
 * guessing over HTTP Basic is throttled with 429 and Retry-After, logout really ends the session
 * (its cookie is worthless afterwards), and an idle session expires.
 */
class AuthHardeningTest {
    @TempDir
    Path dir;

    TestWiki wiki;

    @BeforeEach
    void start() throws Exception {
        TestWiki.addAccount(dir, "editor", "editor", "correct horse");
        wiki = TestWiki.start(dir, Map.of("Home.md", "# Home\n"));
    }

    @AfterEach
    void stop() {
        wiki.close();
    }

    @Test
    void anUnknownAccountAndAWrongPasswordGetTheSameAnswer() throws Exception {
        HttpResponse<String> unknown = login("nobody-here", "whatever pass");
        HttpResponse<String> wrong = login("editor", "whatever pass");
        assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(401);
        assertThat(errorText(unknown)).isEqualTo(errorText(wrong)).isNotBlank();

        HttpResponse<String> unknownApi = putWith(TestWiki.basic("nobody-here", "whatever pass"));
        HttpResponse<String> wrongApi = putWith(TestWiki.basic("editor", "whatever pass"));
        assertThat(unknownApi.statusCode()).isEqualTo(wrongApi.statusCode()).isEqualTo(401);
        assertThat(TestWiki.json(unknownApi).get("message").asText())
                .isEqualTo(TestWiki.json(wrongApi).get("message").asText());
        assertThat(unknownApi.headers().firstValue("WWW-Authenticate"))
                .isEqualTo(wrongApi.headers().firstValue("WWW-Authenticate"));
    }

    @Test
    void guessingOverBasicIsThrottledWithRetryAfterForKnownAndUnknownNamesAlike() throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 6; i++) {
            last = putWith(TestWiki.basic("editor", "guess " + i));
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(last.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(TestWiki.json(last).get("error").asText()).isEqualTo("too_many_attempts");
        // Even the right password waits now, and a made-up name is told exactly the same.
        HttpResponse<String> right = putWith(TestWiki.basic("editor", "correct horse"));
        HttpResponse<String> madeUp = putWith(TestWiki.basic("made-up", "guess"));
        assertThat(right.statusCode()).isEqualTo(madeUp.statusCode()).isEqualTo(429);
        assertThat(madeUp.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void logoutMakesTheOldSessionCookieWorthless() throws Exception {
        HttpResponse<String> loggedIn = wiki.login("editor", "correct horse");
        assertThat(loggedIn.statusCode()).isEqualTo(303);
        String cookie = sessionCookie(loggedIn);
        assertThat(withCookie("/edit/Home", cookie).statusCode()).isEqualTo(200);

        String token = TestWiki.csrfToken(wiki.get("/edit/Home").body());
        assertThat(wiki.postForm("/logout", Map.of("csrf_token", token)).statusCode()).isEqualTo(303);
        HttpResponse<String> replayed = withCookie("/edit/Home", cookie);
        assertThat(replayed.statusCode()).isEqualTo(303);
        assertThat(replayed.headers().firstValue("Location").orElse("")).startsWith("/login");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndSessionsExpireAfterTheirIdleTime() throws Exception {
        HttpResponse<String> loggedIn = wiki.login("editor", "correct horse");
        String setCookie = loggedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("clearinghouse_session=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(setCookie).as("a session cookie: gone when the browser closes").doesNotContainIgnoringCase("Max-Age")
                .doesNotContainIgnoringCase("Expires");

        // The same web app with a two-second idle limit: the session is gone once it passes.
        withOwnWebApp("short", settings().withSessionTimeout(Duration.ofSeconds(2)), base -> {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String form = client.send(HttpRequest.newBuilder(base.resolve("/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            HttpResponse<String> in = client.send(HttpRequest.newBuilder(base.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=editor&password=correct+horse&csrf_token="
                            + TestWiki.csrfToken(form))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(in.statusCode()).isEqualTo(303);
            assertThat(client.send(HttpRequest.newBuilder(base.resolve("/edit/Home")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            Thread.sleep(3_500);
            assertThat(client.send(HttpRequest.newBuilder(base.resolve("/edit/Home")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("expired session").isEqualTo(303);
        });
    }

    @Test
    void behindATlsProxyTheSessionCookieIsMarkedSecure() throws Exception {
        String plain = wiki.login("editor", "correct horse").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("clearinghouse_session=")).findFirst().orElseThrow();
        assertThat(plain).as("over plain HTTP by default").doesNotContainIgnoringCase("Secure");

        withOwnWebApp("proxied", settings().withSecureCookies(true), base -> {
            // No cookie manager: it would not send a Secure cookie back over plain HTTP.
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> form = client.send(HttpRequest.newBuilder(base.resolve("/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String session = form.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("clearinghouse_session=")).findFirst().orElseThrow();
            HttpResponse<String> in = client.send(HttpRequest.newBuilder(base.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", session.substring(0, session.indexOf(';')))
                    .POST(HttpRequest.BodyPublishers.ofString("username=editor&password=correct+horse&csrf_token="
                            + TestWiki.csrfToken(form.body()))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(in.statusCode()).isEqualTo(303);
            assertThat(in.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("clearinghouse_session="))
                    .isNotEmpty().allSatisfy(c -> assertThat(c).contains("Secure").contains("HttpOnly"));
        });
    }

    private static WebSettings settings() {
        return new WebSettings("Clearinghouse", Optional.empty(), false, 10_000_000L);
    }

    /** A test run against a web app of its own. */
    @FunctionalInterface
    private interface AgainstWebApp {
        void run(URI base) throws Exception;
    }

    /** Runs {@code test} against a web app of its own (an editor account, one page) with {@code settings}. */
    private void withOwnWebApp(String name, WebSettings settings, AgainstWebApp test) throws Exception {
        Path data = dir.resolve(name);
        Files.createDirectories(data);
        AccountStore accounts = AccountStore.open(data, PasswordHasher.forTests());
        accounts.add("editor", "Editor", "e@example.org", Role.parse("editor"), "correct horse".toCharArray());
        Path seed = dir.resolve(name + "-seed");
        Files.createDirectories(seed);
        Files.writeString(seed.resolve("Home.md"), "# Home\n");
        try (Wiki own = Wiki.open(ContentStore.openOrSeed(data.resolve("content.git"), seed), new MarkdownRenderer())) {
            Javalin app = WebApp.create(own, accounts, settings);
            app.start("127.0.0.1", 0);
            try {
                test.run(URI.create("http://127.0.0.1:" + app.port()));
            } finally {
                app.stop();
            }
        }
    }

    private HttpResponse<String> login(String name, String password) throws Exception {
        String token = TestWiki.csrfToken(wiki.get("/login").body());
        return wiki.postForm("/login", Map.of("username", name, "password", password, "csrf_token", token));
    }

    private static String errorText(HttpResponse<String> response) {
        return org.jsoup.Jsoup.parse(response.body()).select("[role=alert]").text();
    }

    private HttpResponse<String> putWith(String authorization) throws Exception {
        return wiki.send(HttpRequest.newBuilder(wiki.uri("/api/v1/pages/Home")).header("Authorization", authorization)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"markdown\":\"x\"}")));
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("clearinghouse_session="))
                .map(c -> HttpCookie.parse(c).get(0).getValue()).findFirst().orElseThrow();
    }

    /** A request carrying only {@code cookie}, from a client that keeps no cookies of its own. */
    private HttpResponse<String> withCookie(String path, String cookie) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(wiki.uri(path)).header("Cookie", "clearinghouse_session=" + cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
