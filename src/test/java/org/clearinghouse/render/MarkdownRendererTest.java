package org.clearinghouse.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clearinghouse.page.InvalidFrontMatterException;
import org.clearinghouse.page.PageMetadata;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.PageTooLargeException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    // A generous budget: these tests check output, not speed, on a slow shared machine.
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer(512 * 1024, Duration.ofSeconds(60));
    private static final PagePath HOME = PagePath.of("Home");
    private static final LinkResolver ALL_EXIST = page -> true;

    private static RenderedPage render(String markdown) {
        return RENDERER.render(markdown, HOME, ALL_EXIST);
    }

    private static Element body(RenderedPage page) {
        return Jsoup.parseBodyFragment(page.html()).body();
    }

    @Test
    void rendersGfmTablesWithAlignment() {
        Element body = body(render("| Left | Middle | Right |\n|:-----|:------:|------:|\n| a | b | c |\n"));
        assertThat(body.select("table th")).extracting(Element::text).containsExactly("Left", "Middle", "Right");
        assertThat(body.select("td")).extracting(td -> td.attr("align")).containsExactly("left", "center", "right");
    }

    @Test
    void underItsTitleAPageLeavesOutAnOpeningHeadingThatRepeatsIt() {
        String repeated = "# Career Day Toolkit\n\nPlan early.\n\n# Budget\n";
        Element underTitle = body(RENDERER.renderUnderTitle(repeated, HOME, ALL_EXIST));
        assertThat(underTitle.select("h1")).extracting(Element::text).containsExactly("Budget");
        assertThat(underTitle.text()).contains("Plan early.");
        // The editor's preview has no title above it: the heading stays.
        assertThat(body(render(repeated)).select("h1")).extracting(Element::text)
                .containsExactly("Career Day Toolkit", "Budget");
        // A heading that says something else than the front matter's title is kept.
        String different = "---\ntitle: Toolkit\n---\n# Career Day\n\nText.\n";
        assertThat(body(RENDERER.renderUnderTitle(different, HOME, ALL_EXIST)).select("h1"))
                .extracting(Element::text).containsExactly("Career Day");
        String same = "---\ntitle: Toolkit\n---\n# Toolkit\n\nText.\n";
        assertThat(body(RENDERER.renderUnderTitle(same, HOME, ALL_EXIST)).select("h1")).isEmpty();
    }

    @Test
    void rendersStrikethrough() {
        assertThat(body(render("~~gone~~ here")).select("del").text()).isEqualTo("gone");
    }

    @Test
    void rendersTaskListsAsDisabledCheckboxes() {
        Elements boxes = body(render("- [ ] to do\n- [x] done\n")).select("li.task-list-item input");
        assertThat(boxes).hasSize(2);
        assertThat(boxes).allSatisfy(box -> {
            assertThat(box.attr("type")).isEqualTo("checkbox");
            assertThat(box.hasAttr("disabled")).isTrue();
        });
        assertThat(boxes.get(0).hasAttr("checked")).isFalse();
        assertThat(boxes.get(1).hasAttr("checked")).isTrue();
    }

    @Test
    void autolinksUrlsWithNofollow() {
        Elements links = body(render("See www.example.org and https://ala.org/jobs.")).select("a");
        assertThat(links).extracting(a -> a.attr("href"))
                .containsExactly("http://www.example.org", "https://ala.org/jobs");
        assertThat(links).allSatisfy(a -> assertThat(a.attr("rel")).isEqualTo("nofollow noopener"));
    }

    @Test
    void rendersFootnotesWithWorkingAnchors() {
        Element body = body(render("Claim.[^1]\n\n[^1]: The source.\n"));
        Element ref = body.selectFirst("sup a.footnote-ref");
        assertThat(ref).isNotNull();
        String target = ref.attr("href");
        assertThat(target).startsWith("#");
        Element note = body.getElementById(target.substring(1));
        assertThat(note).isNotNull();
        assertThat(note.text()).contains("The source.");
        Element back = note.selectFirst("a.footnote-backref");
        assertThat(back).isNotNull();
        assertThat(body.getElementById(back.attr("href").substring(1))).isNotNull();
    }

    @Test
    void givesHeadingsUniqueIdsAndListsThemAllInOrder() {
        RenderedPage page = render("# Career Day\n\n## Planning\n\n### Planning\n\n## Planning\n\n"
                + "#### Four\n\n##### Five\n\n###### Six: *the* end!\n");
        assertThat(page.headings()).extracting(Heading::level).containsExactly(1, 2, 3, 2, 4, 5, 6);
        assertThat(page.headings()).extracting(Heading::id).doesNotHaveDuplicates()
                .startsWith("career-day", "planning", "planning-1", "planning-2");
        assertThat(page.headings().get(6).text()).isEqualTo("Six: the end!");
        Elements html = body(page).select("h1, h2, h3, h4, h5, h6");
        assertThat(html).extracting(Element::id)
                .containsExactlyElementsOf(page.headings().stream().map(Heading::id).toList());
    }

    @Test
    void headingIdsAvoidFootnoteIds() {
        RenderedPage page = render("# fn-1\n\nText[^1]\n\n[^1]: note\n");
        List<String> ids = body(page).select("[id]").eachAttr("id");
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void readsFrontMatterAndNeverShowsIt() {
        RenderedPage page = render("---\ntitle: Career Day Kit\nsummary: Everything for a career day\n"
                + "tags: [outreach, schools, outreach]\naudience: school, public\ntype: toolkit\n---\n# Heading\n\nBody\n");
        PageMetadata meta = page.outline().metadata();
        assertThat(meta.title()).contains("Career Day Kit");
        assertThat(meta.summary()).contains("Everything for a career day");
        assertThat(meta.tags()).containsExactly("outreach", "schools");
        assertThat(meta.audience()).containsExactly("school", "public");
        assertThat(meta.type()).contains("toolkit");
        assertThat(page.html()).doesNotContain("Career Day Kit").doesNotContain("toolkit").doesNotContain("<hr");
        assertThat(RENDERER.outline("---\ntitle: Career Day Kit\n---\nx", HOME).metadata().title())
                .contains("Career Day Kit");
    }

    @Test
    void readsBlockListsSingleStringsAndNonStringScalars() {
        PageMetadata meta = RENDERER.outline("---\ntitle: 2024\ntags:\n  - one\n  - ' two '\n  - 3\n"
                + "audience: academic\ntype: No\n---\n", HOME).metadata();
        assertThat(meta.title()).contains("2024");
        assertThat(meta.tags()).containsExactly("one", "two", "3");
        assertThat(meta.audience()).containsExactly("academic");
        assertThat(meta.type()).contains("No");
    }

    @Test
    void ignoresFieldsOfTheWrongShape() {
        PageMetadata meta = RENDERER.outline("---\ntitle: [a, b]\ntags: {x: 1}\nsummary: fine\n---\n", HOME).metadata();
        assertThat(meta.title()).isEmpty();
        assertThat(meta.tags()).isEmpty();
        assertThat(meta.summary()).contains("fine");
    }

    @Test
    void badFrontMatterGivesEmptyMetadataAndIsStillHidden() {
        String markdown = "---\ntitle: [unclosed\nsecret: : :\n---\nVisible body\n";
        RenderedPage page = render(markdown);
        assertThat(page.outline().metadata()).isEqualTo(PageMetadata.EMPTY);
        assertThat(page.html()).contains("Visible body").doesNotContain("unclosed").doesNotContain("secret");
        assertThat(RENDERER.outline(markdown, HOME).metadata()).isEqualTo(PageMetadata.EMPTY);
        assertThat(RENDERER.outline("---\n- just\n- a list\n---\n", HOME).metadata()).isEqualTo(PageMetadata.EMPTY);
    }

    @Test
    void unclosedFenceIsNotFrontMatter() {
        RenderedPage page = render("---\nJust a rule and text\n");
        assertThat(page.html()).contains("Just a rule and text");
        assertThat(page.outline().metadata()).isEqualTo(PageMetadata.EMPTY);
    }

    @Test
    void checkFrontMatterReportsProblemsForSaves() {
        RENDERER.checkFrontMatter("# No front matter");
        RENDERER.checkFrontMatter("---\ntitle: Fine\ntags: a, b\n---\nbody");
        assertThatThrownBy(() -> RENDERER.checkFrontMatter("---\ntitle: [unclosed\n---\n"))
                .isInstanceOf(InvalidFrontMatterException.class).hasMessageContaining("YAML");
        assertThatThrownBy(() -> RENDERER.checkFrontMatter("---\ntitle: [a, b]\n---\n"))
                .isInstanceOf(InvalidFrontMatterException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> RENDERER.checkFrontMatter("---\n- a\n---\n"))
                .isInstanceOf(InvalidFrontMatterException.class);
    }

    @Test
    void titleFallsBackFromFrontMatterToFirstH1ToPageName() {
        PagePath path = PagePath.of("Guides/Career-Day_Kit");
        assertThat(RENDERER.outline("---\ntitle: From YAML\n---\n# From Heading\n", path).title(path))
                .isEqualTo("From YAML");
        assertThat(RENDERER.outline("## Not this\n\n# From *Heading*\n\n# Second\n", path).title(path))
                .isEqualTo("From Heading");
        assertThat(RENDERER.outline("Setext Title\n===\n", path).title(path)).isEqualTo("Setext Title");
        assertThat(RENDERER.outline("## Only h2\n", path).title(path)).isEqualTo("Career Day Kit");
        assertThat(render("# Rendered\n").outline().title(path)).isEqualTo("Rendered");
    }

    @Test
    void rendersWikiLinksWithLabelsAndHyphens() {
        Elements links = body(render("[[Career Day Network]] and [[Handbook/Getting Started|start here]] "
                + "and [[Recruiting#Diversity Plans]] and [[#Local Part]]")).select("a");
        assertThat(links).extracting(a -> a.attr("href")).containsExactly("/wiki/Career-Day-Network",
                "/wiki/Handbook/Getting-Started", "/wiki/Recruiting#diversity-plans", "#local-part");
        assertThat(links).extracting(Element::text)
                .containsExactly("Career Day Network", "start here", "Recruiting#Diversity Plans", "#Local Part");
    }

    @Test
    void wikiLinksWorkInTableCellsAndAreNotAutolinkedInside() {
        Element body = body(render("| a | b |\n|---|---|\n| [[Page\\|label]] | [[Page|see https://x.org]] |\n\n"
                + "[[https://x.org]]"));
        assertThat(body.select("a")).extracting(a -> a.attr("href") + " " + a.text())
                .containsExactly("/wiki/Page label", "/wiki/Page see https://x.org");
        assertThat(body.text()).contains("[[https://x.org]]");
    }

    @Test
    void escapesWikiLinkLabels() {
        RenderedPage page = render("[[Home|<b>bold</b> & more]]");
        Element link = body(page).selectFirst("a");
        assertThat(link.text()).isEqualTo("<b>bold</b> & more");
        assertThat(link.select("b")).isEmpty();
    }

    @Test
    void invalidWikiLinkTargetsStayAsText() {
        RenderedPage page = render("[[javascript:alert(1)]] [[<img src=x onerror=alert(1)>]] [[../../etc/passwd]]");
        Element body = body(page);
        assertThat(body.select("a, img")).isEmpty();
        assertThat(body.text()).contains("[[javascript:alert(1)]]", "[[<img src=x onerror=alert(1)>]]",
                "[[../../etc/passwd]]");
        assertThat(page.outline().links()).isEmpty();
    }

    @Test
    void wikiLinksInCodeStayLiteral() {
        RenderedPage page = render("`[[Inline]]`\n\n```\n[[Fenced]]\n```\n\n    [[Indented]]\n");
        Element body = body(page);
        assertThat(body.select("a")).isEmpty();
        assertThat(body.select("code").eachText()).containsExactly("[[Inline]]", "[[Fenced]]", "[[Indented]]");
        assertThat(page.outline().links()).isEmpty();
    }

    @Test
    void resolvesRelativeMarkdownLinksAgainstThePageFolder() {
        PagePath self = PagePath.of("Handbook/Intro");
        RenderedPage page = RENDERER.render("[a](Getting-Started) [b](./Sub/Page.md) [c](../Top.md#part) "
                + "[d](/wiki/Other?revision=abc#x) [e](#here) [f](https://ala.org) [g](mailto:x@example.org) "
                + "[h](../../Escape) [i](Report.pdf)", self, ALL_EXIST);
        assertThat(body(page).select("a")).extracting(a -> a.attr("href")).containsExactly(
                "/wiki/Handbook/Getting-Started", "/wiki/Handbook/Sub/Page", "/wiki/Top#part",
                "/wiki/Other?revision=abc#x", "#here", "https://ala.org", "mailto:x@example.org", "",
                "/wiki/Handbook/Report.pdf");
        assertThat(page.outline().links()).extracting(PagePath::toString).containsExactly(
                "Handbook/Getting-Started", "Handbook/Sub/Page", "Other", "Top");
    }

    @Test
    void topLevelRelativeLinksAndMdStripping() {
        Elements links = body(render("[x](Handbook/Getting-Started) [y](Foo.md) [z](Foo%20Bar)")).select("a");
        assertThat(links).extracting(a -> a.attr("href"))
                .containsExactly("/wiki/Handbook/Getting-Started", "/wiki/Foo", "");
    }

    @Test
    void relativeImagesPointIntoTheWiki() {
        PagePath self = PagePath.of("Kits/Career-Day");
        RenderedPage page = RENDERER.render("![flyer](flyer.png) ![logo](https://ala.org/logo.png) "
                + "![bad](javascript:alert(1))", self, ALL_EXIST);
        // Flexmark drops the javascript: image itself; had it not, the rewriter would drop its src.
        assertThat(body(page).select("img[src]")).extracting(img -> img.attr("src"))
                .containsExactly("/wiki/Kits/flyer.png", "https://ala.org/logo.png");
        assertThat(page.outline().links()).isEmpty();
    }

    @Test
    void marksLinksToMissingPages() {
        LinkResolver onlyExisting = page -> page.toString().equals("Existing");
        RenderedPage page = RENDERER.render("[[Existing]] [[Missing Page]] [a](Existing) [b](Missing.md) "
                + "[c][ref]\n\n[ref]: Also-Missing\n", HOME, onlyExisting);
        Elements links = body(page).select("a");
        assertThat(links).extracting(a -> a.attr("href") + " " + a.hasClass("missing")).containsExactly(
                "/wiki/Existing false", "/wiki/Missing-Page true", "/wiki/Existing false",
                "/wiki/Missing true", "/wiki/Also-Missing true");
    }

    @Test
    void collectsLinksInTheOutlineWhetherOrNotPagesExist() {
        String markdown = "# T\n\n[[Zebra]] [[Apple|a]] [[Apple]] [x](Mango.md) [y][r] [z](https://x.org) "
                + "![i](Pic) `[[Code]]`\n\n> - [[Deep]]\n\n[r]: /wiki/Kiwi\n";
        RenderedPage page = RENDERER.render(markdown, HOME, p -> false);
        Set<PagePath> expected = Set.of(PagePath.of("Zebra"), PagePath.of("Apple"), PagePath.of("Mango"),
                PagePath.of("Kiwi"), PagePath.of("Deep"));
        assertThat(page.outline().links()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(RENDERER.outline(markdown, HOME)).isEqualTo(page.outline());
        assertThat(page.outline().links()).extracting(PagePath::toString).isSorted();
    }

    @Test
    void allowsHarmlessInlineHtml() {
        Element body = body(render("Press <kbd>Ctrl</kbd>, H<sub>2</sub>O, x<sup>2</sup><br>\n\n"
                + "<details><summary>More</summary>\n\nHidden *text*\n\n</details>\n"));
        assertThat(body.select("kbd, sub, sup, br, details, summary")).hasSize(6);
    }

    @Test
    void keepsCodeLanguageClassesButNotArbitraryOnes() {
        Element body = body(render("```java\nint x;\n```\n\n<span class=\"admin-banner missing\">x</span>\n"));
        assertThat(body.selectFirst("code").className()).isEqualTo("language-java");
        assertThat(body.selectFirst("span").className()).isEqualTo("missing");
    }

    @Test
    void rejectsPagesOverTheSizeLimit() {
        MarkdownRenderer small = new MarkdownRenderer(1024, Duration.ofSeconds(30));
        assertThatThrownBy(() -> small.render("x".repeat(1025), HOME, ALL_EXIST))
                .isInstanceOf(PageTooLargeException.class);
        // Multi-byte characters count as their UTF-8 size.
        assertThatThrownBy(() -> small.render("é".repeat(513), HOME, ALL_EXIST))
                .isInstanceOf(PageTooLargeException.class);
        assertThat(small.render("é".repeat(512), HOME, ALL_EXIST).html()).contains("é");
        PageOutline outline = small.outline("---\ntitle: Big\n---\n" + "[[Link]] ".repeat(200), HOME);
        assertThat(outline.metadata().title()).contains("Big");
        assertThat(outline.links()).isEmpty();
        assertThat(outline.firstHeading()).isEqualTo(Optional.empty());
    }
}
