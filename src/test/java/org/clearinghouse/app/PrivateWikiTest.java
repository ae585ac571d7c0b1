package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clearinghouse.wiki.WikiLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve --private: nothing but the login form (and health) without an account. */
class PrivateWikiTest {
    @TempDir
    Path dir;

    @Test
    void everyPageNeedsALogin() throws Exception {
        try (TestWiki wiki = startPrivateWithAReader()) {
            assertThat(wiki.get("/").statusCode()).isEqualTo(303);
            assertThat(wiki.get("/wiki/Home").headers().firstValue("Location").orElse("")).startsWith("/login");
            assertThat(wiki.get("/api/v1/pages").statusCode()).isEqualTo(401);
            assertThat(wiki.get("/api/v1/pages/Home").body()).doesNotContain("Secret");
            assertThat(wiki.get("/health").statusCode()).isEqualTo(200);
            assertThat(wiki.get("/login").statusCode()).isEqualTo(200);
            assertThat(wiki.send(HttpRequest.newBuilder(wiki.uri("/api/v1/pages"))
                    .header("Authorization", TestWiki.basic("reader", "reader pass"))).statusCode()).isEqualTo(200);
            wiki.login("reader", "reader pass");
            assertThat(wiki.get("/").body()).contains("Secret home");
        }
    }

    @Test
    void cloningOverGitNeedsAnAccountToo() throws Exception {
        try (TestWiki wiki = startPrivateWithAReader()) {
            String address = "127.0.0.1:" + wiki.app().port() + "/wiki.git";
            GitHttpTest.Result stranger = GitHttpTest.git(dir, "clone", "http://" + address, "stranger");
            assertThat(stranger.exit()).as(stranger.output()).isNotZero();
            assertThat(dir.resolve("stranger/Home.md")).doesNotExist();

            GitHttpTest.Result reader = GitHttpTest.git(dir, "clone", "http://reader:reader%20pass@" + address, "reader");
            assertThat(reader.exit()).as(reader.output()).isZero();
            assertThat(Files.readString(dir.resolve("reader/Home.md"))).contains("Secret home");
        }
    }

    /** A private wiki whose only page is a secret home page, with one reader account. */
    private TestWiki startPrivateWithAReader() throws Exception {
        Files.createDirectories(dir.resolve("seed"));
        Files.writeString(dir.resolve("seed/Home.md"), "# Secret home\n");
        TestWiki.addAccount(dir, "reader", "reader", "reader pass");
        return TestWiki.startWith(dir, dir.resolve("seed"), dir.resolve("none"), true, WikiLimits.DEFAULT);
    }
}
