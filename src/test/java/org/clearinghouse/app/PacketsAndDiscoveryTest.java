package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Toolkit packets (/print), page templates for new pages, and what search engines read: the
 * sitemap, robots.txt, titles, descriptions and canonical links. Over HTTP, without a browser.
 */
class PacketsAndDiscoveryTest {
    @TempDir
    static Path dir;

    static TestWiki wiki;

    @BeforeAll
    static void start() throws Exception {
        TestWiki.addAccount(dir, "editor", "editor", "correct horse");
        wiki = TestWiki.start(dir, Map.of(
                "Home.md", "---\ntitle: Home\nsummary: The front door.\n---\nSee [[Kit]] and [[Overview]].\n",
                "Kit.md", "---\ntitle: The Kit\nsummary: A toolkit & more.\n---\n## Parts\nStart with [[Kit/Second]], "
                        + "then [[Kit/First]].[^1]\n\n[^1]: A footnote.\n",
                "Kit/First.md", "# First part\n\n## Parts\nBack to [[Kit]]; see [[Kit/Second#Details|details]].\n",
                "Kit/Second.md", "# Second part\n\n## Details\nText.[^1]\n\n[^1]: Another footnote.\n",
                "Kit/Deeper/Third.md", "# Third part\n",
                "Overview.md", "# Overview\n\nRead [[Contact]], then [[Kit/First]], then [[Missing]] and [[Contact]].\n",
                "Contact.md", "---\ntitle: Contact\ntags: [contact]\n---\nWrite to us.\n",
                "_templates/Event.md", "---\ntitle: Event (page template)\nsummary: An event.\ntags: [events]\n"
                        + "type: toolkit\n---\n\n## When and where\n\nZebraword prompt.\n"));
    }

    @AfterAll
    static void stop() {
        wiki.close();
    }

    @Test
    void aPacketHoldsThePageThenItsSubPagesInLinkOrderWithContents() throws Exception {
        HttpResponse<String> response = wiki.get("/print/Kit");
        assertThat(response.statusCode()).isEqualTo(200);
        Document html = Jsoup.parse(response.body());
        assertThat(html.select(".packet-header h1").text()).isEqualTo("The Kit");
        assertThat(html.select(".packet-toc li a")).extracting(Element::text)
                .containsExactly("The Kit", "Second part", "First part", "Third part");
        assertThat(html.select("section.packet-page")).extracting(e -> e.id())
                .containsExactly("packet-1", "packet-2", "packet-3", "packet-4");
        // Links between pages of the packet stay inside the document; anchors stay unique.
        assertThat(html.select("#packet-3 a:contains(Kit)").attr("href")).isEqualTo("#packet-1");
        assertThat(html.select("#packet-3 a:contains(details)").attr("href")).isEqualTo("#packet-2-details");
        assertThat(html.select("#packet-2-details")).hasSize(1);
        assertThat(html.select("[id]").eachAttr("id")).doesNotHaveDuplicates();
        assertThat(html.select("link[rel=canonical]").attr("href")).endsWith("/print/Kit");
    }

    @Test
    void aPageWithoutSubPagesPrintsWithTheExistingPagesItLinksToInOrder() throws Exception {
        Document html = Jsoup.parse(wiki.get("/print/Overview").body());
        assertThat(html.select(".packet-toc li a")).extracting(Element::text)
                .containsExactly("Overview", "Contact", "First part");
    }

    @Test
    void aFolderWithoutAPagePrintsItsPagesAndNothingPrintsA404() throws Exception {
        Document html = Jsoup.parse(wiki.get("/print/Kit/Deeper").body());
        assertThat(html.select(".packet-header h1").text()).isEqualTo("Deeper");
        assertThat(html.select(".packet-toc li a")).extracting(Element::text).containsExactly("Third part");
        assertThat(wiki.get("/print/Nothing-Here").statusCode()).isEqualTo(404);
        assertThat(wiki.get("/print/..%2Fetc").statusCode()).isEqualTo(404);
    }

    @Test
    void aNewPageCanStartFromATemplateWithItsOwnTitle() throws Exception {
        wiki.login("editor", "correct horse");
        Document blank = Jsoup.parse(wiki.get("/edit/Fair-2026").body());
        assertThat(blank.select("nav.templates a")).extracting(Element::text)
                .containsExactly("Blank page", "Event (page template)");
        assertThat(blank.select("#markdown").text()).contains("title: Fair 2026").doesNotContain("Zebraword");

        Document templated = Jsoup.parse(wiki.get("/edit/Fair-2026?template=Event").body());
        String text = templated.select("#markdown").text();
        assertThat(text).contains("title: Fair 2026", "type: toolkit", "Zebraword prompt.")
                .doesNotContain("(page template)");
        assertThat(templated.select("nav.templates a[aria-current]").text()).isEqualTo("Event (page template)");
        assertThat(wiki.get("/edit/Fair-2026?template=Nope").statusCode()).isEqualTo(404);
        // An existing page is edited as it is: no templates offered.
        assertThat(Jsoup.parse(wiki.get("/edit/Contact").body()).select("nav.templates")).isEmpty();
    }

    @Test
    void templatesStayOutOfSearchTheSitemapAndPackets() throws Exception {
        assertThat(wiki.getJson("/api/v1/search?q=zebraword").path("total").asInt()).isZero();
        assertThat(wiki.getJson("/api/v1/search?q=footnote").path("total").asInt()).isPositive();
        assertThat(wiki.get("/sitemap.xml").body()).doesNotContain("_templates");
        assertThat(wiki.get("/wiki/_templates/Event").statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(wiki.get("/print/_templates").body()).select(".packet-toc li a"))
                .extracting(Element::text).containsExactly("Event (page template)");
    }

    @Test
    void theSitemapListsEveryPageWithItsLastChange() throws Exception {
        HttpResponse<String> response = wiki.get("/sitemap.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/xml"));
        Document xml = Jsoup.parse(response.body(), "", org.jsoup.parser.Parser.xmlParser());
        String base = wiki.uri("").toString();
        assertThat(xml.select("url > loc")).extracting(Element::text).containsExactlyInAnyOrder(
                base + "/", base + "/wiki/Kit", base + "/wiki/Kit/First", base + "/wiki/Kit/Second",
                base + "/wiki/Kit/Deeper/Third", base + "/wiki/Overview", base + "/wiki/Contact");
        assertThat(xml.select("url > lastmod").first().text()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*");
    }

    @Test
    void robotsKeepCrawlersOffFormsAndPointAtTheSitemap() throws Exception {
        String robots = wiki.get("/robots.txt").body();
        assertThat(robots).startsWith("User-agent: *\n").contains("Disallow: /edit/\n", "Disallow: /search\n",
                "Disallow: /*?revision=\n", "Sitemap: " + wiki.uri("/sitemap.xml"));
        assertThat(robots).doesNotContain("Disallow: /\n");
    }

    @Test
    void aPrivateWikiAsksCrawlersToStayAway(@TempDir Path other) throws Exception {
        try (TestWiki closed = TestWiki.startWith(other, dir.resolve("seed"), other.resolve("no-templates"), true,
                org.clearinghouse.wiki.WikiLimits.DEFAULT)) {
            HttpResponse<String> robots = closed.get("/robots.txt");
            assertThat(robots.statusCode()).isEqualTo(200);
            assertThat(robots.body()).isEqualTo("User-agent: *\nDisallow: /\n");
            assertThat(closed.get("/sitemap.xml").statusCode()).isEqualTo(303);
        }
    }

    @Test
    void pagesCarryTheirTitleSummaryAndCanonicalAddress() throws Exception {
        Document kit = Jsoup.parse(wiki.get("/wiki/Kit").body());
        assertThat(kit.title()).startsWith("The Kit");
        assertThat(kit.select("meta[name=description]").attr("content")).isEqualTo("A toolkit & more.");
        assertThat(kit.select("link[rel=canonical]").attr("href")).isEqualTo(wiki.uri("/wiki/Kit").toString());
        Document home = Jsoup.parse(wiki.get("/").body());
        assertThat(home.select("link[rel=canonical]").attr("href")).isEqualTo(wiki.uri("/").toString());
        Document first = Jsoup.parse(wiki.get("/wiki/Kit/First").body());
        assertThat(first.select("meta[name=description]").attr("content")).isNotBlank();
        assertThat(Jsoup.parse(wiki.get("/tags/contact").body()).select("link[rel=canonical]").attr("href"))
                .isEqualTo(wiki.uri("/tags/contact").toString());
        assertThat(Jsoup.parse(wiki.get("/search?q=kit").body()).select("link[rel=canonical]")).isEmpty();
        assertThat(Jsoup.parse(wiki.get("/").body()).select("html").attr("lang")).isEqualTo("en");
    }
}
