package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing in the browser's way: forms, sessions and CSRF tokens, over HTTP on a random port. */
class EditingTest {
    private static final String PLAN = "# Plan\n\nFirst step.\n\nSecond step.\n\nThird step.\n";

    @TempDir
    Path dir;

    TestWiki wiki;

    @BeforeEach
    void start() throws Exception {
        TestWiki.addAccount(dir, "editor", "editor", "correct horse");
        TestWiki.addAccount(dir, "reader", "reader", "reader pass");
        wiki = TestWiki.start(dir, Map.of("Home.md", "Welcome. See [[Plan]] and [[Later]].\n", "Plan.md", PLAN));
    }

    @AfterEach
    void stop() {
        wiki.close();
    }

    @Test
    void anonymousVisitorsAreSentToLoginAndReadersMayNotEdit() throws Exception {
        HttpResponse<String> anonymous = wiki.get("/edit/Plan");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).contains("/login?next=%2Fedit%2FPlan");
        assertThat(wiki.login("reader", "reader pass").statusCode()).isEqualTo(303);
        assertThat(wiki.get("/edit/Plan").statusCode()).isEqualTo(403);
    }

    @Test
    void loginGivesAFreshHttpOnlySameSiteSessionAndLogoutEndsIt() throws Exception {
        HttpResponse<String> form = wiki.get("/login");
        Document login = Jsoup.parse(form.body());
        assertThat(login.select("input[name=username]")).hasSize(1);
        assertThat(login.select("input[name=password][type=password]")).hasSize(1);
        assertThat(login.select("input[name^=csrf]").attr("value")).isNotBlank();
        String before = form.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(before).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

        HttpResponse<String> loggedIn = wiki.postForm("/login", Map.of("username", "editor",
                "password", "correct horse", "csrf_token", TestWiki.csrfToken(form.body()), "next", "/wiki/Plan"));
        assertThat(loggedIn.statusCode()).isEqualTo(303);
        assertThat(loggedIn.headers().firstValue("Location")).contains("/wiki/Plan");
        String after = loggedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(sessionId(after)).isNotEqualTo(sessionId(before));

        Document page = Jsoup.parse(wiki.get("/wiki/Plan").body());
        assertThat(page.select("a[href=/edit/Plan]")).hasSize(1);
        HttpResponse<String> logout = wiki.postForm("/logout", Map.of("csrf_token",
                page.select("form[action=/logout] input[name=csrf_token]").attr("value")));
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(wiki.get("/edit/Plan").statusCode()).isEqualTo(303);
    }

    @Test
    void aLoginFromAnotherSiteIsRefusedAndAnOpenRedirectIsNot() throws Exception {
        assertThat(wiki.postForm("/login", Map.of("username", "editor", "password", "correct horse"))
                .statusCode()).isEqualTo(403);
        String token = TestWiki.csrfToken(wiki.get("/login").body());
        HttpResponse<String> response = wiki.postForm("/login", Map.of("username", "editor",
                "password", "correct horse", "csrf_token", token, "next", "//evil.example/"));
        assertThat(response.headers().firstValue("Location")).contains("/");
    }

    @Test
    void theEditFormSavesAsACommitByTheEditor() throws Exception {
        wiki.login("editor", "correct horse");
        Document form = Jsoup.parse(wiki.get("/edit/Plan").body());
        assertThat(form.select("form[action=/edit/Plan][method=post]")).hasSize(1);
        assertThat(form.select("textarea[name=markdown]").text()).contains("Second step.");
        assertThat(form.select("input[name=message]")).hasSize(1);
        String base = form.select("input[name=baseRevision]").attr("value");
        assertThat(base).matches("[0-9a-f]{40}");

        Map<String, String> fields = fields(form, PLAN.replace("Second step.", "Second step, improved."));
        fields.put("message", "Improve the second step");
        HttpResponse<String> saved = wiki.postForm("/edit/Plan", fields);
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).contains("/wiki/Plan");
        Document page = Jsoup.parse(wiki.get("/wiki/Plan").body());
        assertThat(page.select(".markdown").text()).contains("Second step, improved.");
        assertThat(page.select(".page-meta .author").text()).isEqualTo("editor Display");
        assertThat(wiki.getJson("/api/v1/pages/Plan").get("revision").asText()).isNotEqualTo(base);
    }

    @Test
    void aPostWithoutAValidTokenIsRefusedAndTheTextIsKept() throws Exception {
        wiki.login("editor", "correct horse");
        String head = wiki.getJson("/health").get("revision").asText();
        Map<String, String> fields = fields(Jsoup.parse(wiki.get("/edit/Plan").body()), "Forged text\n");
        fields.put("csrf_token", "forged");
        HttpResponse<String> response = wiki.postForm("/edit/Plan", fields);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(response.body()).select("textarea[name=markdown]").text()).contains("Forged text");
        assertThat(wiki.getJson("/health").get("revision").asText()).isEqualTo(head);
    }

    @Test
    void previewRendersWithoutSaving() throws Exception {
        wiki.login("editor", "correct horse");
        String head = wiki.getJson("/health").get("revision").asText();
        Map<String, String> fields = fields(Jsoup.parse(wiki.get("/edit/Plan").body()),
                "# Preview me\n\nLink to [[Nowhere]] and <script>alert(1)</script>\n");
        fields.put("action", "preview");
        HttpResponse<String> response = wiki.postForm("/edit/Plan", fields);
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("#preview h1").text()).isEqualTo("Preview me");
        assertThat(page.select("#preview a.missing[href=/wiki/Nowhere]")).hasSize(1);
        assertThat(page.select("#preview script")).isEmpty();
        assertThat(page.select("textarea[name=markdown]").text()).contains("Preview me");
        assertThat(wiki.getJson("/health").get("revision").asText()).isEqualTo(head);
    }

    @Test
    void overlappingEditsGiveAConflictScreenThatKeepsTheEditorsText() throws Exception {
        wiki.login("editor", "correct horse");
        Document form = Jsoup.parse(wiki.get("/edit/Plan").body());
        assertThat(wiki.postForm("/edit/Plan", fields(form, PLAN.replace("Second step.", "Theirs.")))
                .statusCode()).isEqualTo(303);
        HttpResponse<String> conflict = wiki.postForm("/edit/Plan", fields(form, PLAN.replace("Second step.", "Mine.")));
        assertThat(conflict.statusCode()).isEqualTo(409);
        Document screen = Jsoup.parse(conflict.body());
        assertThat(screen.select("textarea[name=markdown]").text()).contains("Mine.");
        assertThat(screen.select(".conflict").text()).contains("Theirs.").contains("<<<<<<<");
        assertThat(wiki.getJson("/api/v1/pages/Plan").get("markdown").asText()).contains("Theirs.").doesNotContain("Mine.");
        HttpResponse<String> resolved = wiki.postForm("/edit/Plan", fields(screen, PLAN.replace("Second step.", "Both.")));
        assertThat(resolved.statusCode()).isEqualTo(303);
        assertThat(wiki.getJson("/api/v1/pages/Plan").get("markdown").asText()).contains("Both.");
    }

    @Test
    void aRedLinkLeadsToACreateFormThatMakesThePage() throws Exception {
        wiki.login("editor", "correct horse");
        Document home = Jsoup.parse(wiki.get("/").body());
        String href = home.select("a.missing").attr("href");
        assertThat(href).isEqualTo("/wiki/Later");
        assertThat(wiki.get(href).statusCode()).isEqualTo(404);
        Document form = Jsoup.parse(wiki.get("/edit/Later").body());
        assertThat(wiki.postForm("/edit/Later", fields(form, "# Later\n\nCreated.\n")).statusCode()).isEqualTo(303);
        assertThat(wiki.get("/wiki/Later").statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(wiki.get("/").body()).select("a.missing")).isEmpty();
    }

    @Test
    void limitsAnswerWithAClearErrorAndKeepTheText() throws Exception {
        wiki.login("editor", "correct horse");
        Document form = Jsoup.parse(wiki.get("/edit/Plan").body());
        HttpResponse<String> badYaml = wiki.postForm("/edit/Plan", fields(form, "---\ntitle: [oops\n---\nBody\n"));
        assertThat(badYaml.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(badYaml.body()).select("textarea[name=markdown]").text()).contains("title: [oops");
        HttpResponse<String> huge = wiki.postForm("/edit/Plan", fields(form, "x".repeat(1024 * 1024 + 10)));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(wiki.postForm("/edit/bad%20name", fields(form, "text")).statusCode()).isEqualTo(400);
    }

    @Test
    void renameAndDeleteFromThePage() throws Exception {
        wiki.login("editor", "correct horse");
        Document rename = Jsoup.parse(wiki.get("/rename/Plan").body());
        HttpResponse<String> renamed = wiki.postForm("/rename/Plan", Map.of("to", "Guides/Plan",
                "message", "", "csrf_token", TestWiki.csrfToken(rename.html())));
        assertThat(renamed.statusCode()).isEqualTo(303);
        assertThat(wiki.get("/wiki/Guides/Plan").statusCode()).isEqualTo(200);
        assertThat(wiki.get("/wiki/Plan").statusCode()).isEqualTo(404);
        Document confirm = Jsoup.parse(wiki.get("/delete/Guides/Plan").body());
        assertThat(confirm.select("form[action=/delete/Guides/Plan] button").text()).contains("Delete");
        assertThat(wiki.postForm("/delete/Guides/Plan", Map.of("csrf_token", TestWiki.csrfToken(confirm.html())))
                .statusCode()).isEqualTo(303);
        assertThat(wiki.get("/wiki/Guides/Plan").statusCode()).isEqualTo(404);
    }

    @Test
    void failedLoginsAreThrottled() throws Exception {
        int last = 0;
        HttpResponse<String> response = null;
        for (int i = 0; i < 7; i++) {
            String token = TestWiki.csrfToken(wiki.get("/login").body());
            response = wiki.postForm("/login", Map.of("username", "editor", "password", "wrong " + i,
                    "csrf_token", token));
            last = response.statusCode();
        }
        assertThat(last).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        String token = TestWiki.csrfToken(wiki.get("/login").body());
        assertThat(wiki.postForm("/login", Map.of("username", "editor", "password", "correct horse",
                "csrf_token", token)).statusCode()).isEqualTo(429);
    }

    private static Map<String, String> fields(Document form, String markdown) {
        Map<String, String> fields = new HashMap<>();
        fields.put("csrf_token", form.select("form.edit-form input[name=csrf_token]").attr("value"));
        fields.put("baseRevision", form.select("form.edit-form input[name=baseRevision]").attr("value"));
        fields.put("markdown", markdown);
        fields.put("message", "");
        fields.put("action", "save");
        return fields;
    }

    private static String sessionId(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }
}
