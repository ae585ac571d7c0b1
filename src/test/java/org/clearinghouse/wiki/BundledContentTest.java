package org.clearinghouse.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.store.ContentStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clearinghouse's own pages, as shipped in content/, seeded into a fresh repository. */
class BundledContentTest {
    @TempDir
    static Path dir;

    static Wiki wiki;

    @BeforeAll
    static void seed() {
        wiki = Wiki.open(ContentStore.openOrSeed(dir.resolve("content.git"), Path.of("content")),
                new MarkdownRenderer());
    }

    @AfterAll
    static void close() {
        wiki.close();
    }

    @Test
    void hasTheRequiredPages() {
        assertThat(wiki.snapshot().pages()).hasSizeGreaterThanOrEqualTo(12);
        for (String name : new String[] {"Home", "Recruitment-Assembly", "Recruitment-Clearinghouse",
                "Career-Day/Planning", "Career-Day/Handouts-and-Giveaways", "Career-Day/Talking-Points",
                "Career-Day/Follow-Up", "Recruiting-for-Diversity", "Recruiting-to-Academic-Librarianship",
                "Recruitment-to-Public-Librarianship", "Recruitment-to-School-Librarianship",
                "Town-Hall-2002", "Career-Day-Network"}) {
            assertThat(wiki.snapshot().page(PagePath.of(name))).as(name).isPresent();
        }
    }

    @Test
    void everyPageRendersWithFrontMatterAndNoRedLink() {
        for (PageEntry entry : wiki.snapshot().pages()) {
            PageView view = wiki.view(entry.path());
            String name = entry.path().toString();
            assertThat(view.renderError()).as(name).isEmpty();
            Document html = Jsoup.parse(view.html().orElseThrow());
            assertThat(html.select("a.missing").eachAttr("href")).as(name + " red links").isEmpty();
            assertThat(view.metadata().title()).as(name + " title").isPresent();
            assertThat(view.metadata().type()).as(name + " type").isPresent();
            assertThat(view.metadata().tags()).as(name + " tags").isNotEmpty();
            assertThat(view.html().orElseThrow()).as(name + " front matter hidden").doesNotContain("tags:").doesNotContain("type: ");
        }
    }

    @Test
    void pagesAreLinkedToEachOther() {
        for (PageEntry entry : wiki.snapshot().pages()) {
            if (Wiki.isTemplate(entry.path())) {
                continue; // page templates are found from the editor, not by links
            }
            assertThat(wiki.backlinks(entry.path())).as(entry.path() + " has a page linking to it").isNotEmpty();
        }
    }

    @Test
    void theCareerDayNetworkSaysHowToRequestAVolunteer() {
        String text = Jsoup.parse(wiki.view(PagePath.of("Career-Day-Network")).html().orElseThrow()).text();
        assertThat(text).contains("1-800-545-2433").contains("4277").contains("hrdr@ala.org").contains("Midwinter");
        assertThat(Jsoup.parse(wiki.view(PagePath.of("Town-Hall-2002")).html().orElseThrow()).text())
                .contains("April 26, 2002");
    }
}
