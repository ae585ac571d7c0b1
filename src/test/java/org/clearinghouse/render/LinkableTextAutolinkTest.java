package org.clearinghouse.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.ArrayList;
import org.clearinghouse.page.PagePath;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Skipping text that cannot hold a link must give exactly what Flexmark's own autolink extension
 * gives: the same HTML and the same plain text, for links of every kind, near entities, escapes,
 * code, existing links and wiki links.
 */
class LinkableTextAutolinkTest {

    private static final List<String> SAMPLES = List.of(
            "See https://example.org/a_b?c=d&e=f. Then stop.",
            "Mail alice@example.org or bob@example.org.",
            "Visit www.example.org/path, or WWW.EXAMPLE.ORG, or wwwx.org.",
            "An entity colon: http&#58;//example.org and &#64; and ww&#119;.example.org",
            "An escaped dot: www\\.example.org and http\\://x.org and a\\@b.org",
            "Just words, no links here at all; only commas and (brackets).",
            "A scheme alone: ftp:// and mailto: and foo://bar",
            "`https://in.code.org` and [a link](https://x.org) and <https://angle.org>",
            "[[Career Day]] and [[Some Page|https://x.org]] and [text www.x.org](Other-Page)",
            "# Heading with https://x.org\n\n| a | b |\n|---|---|\n| www.y.org | c@d.org |\n",
            "- [ ] task www.z.org\n- item ~~https://s.org~~\n\n> quote me@x.org\n",
            "Footnote[^1].\n\n[^1]: See https://f.org.\n",
            "Text &amp; more &copy; and \\* stars \\_under\\_ and trailing \\",
            "**bold http://b.org** and _em www.e.org_ and https://x.org/(paren)");

    @Test
    void givesWhatTheAutolinkExtensionGivesOnSamples() {
        Parser stock = parser(AutolinkExtension.create());
        Parser sparing = parser(new LinkableTextAutolink());
        for (String sample : SAMPLES) {
            assertSame(stock, sparing, sample);
        }
    }

    @Test
    void givesWhatTheAutolinkExtensionGivesOnRandomText() {
        Parser stock = parser(AutolinkExtension.create());
        Parser sparing = parser(new LinkableTextAutolink());
        String[] pieces = {"a", "w", "ww", "www", ".", ":", "/", "//", "@", "&", "&amp;", "&#58;", "&#64;", "&#46;",
            "\\", "\\.", "\\:", " ", "\n", "\n\n", "http", "https://", "x.org", "com", "`", "*", "_", "[", "]",
            "(", ")", "<", ">", "[[", "]]", "|", "- ", "# ", "> ", "~~", "1. ", "mailto:", "e@x.io", "-", "~"};
        Random random = new Random(11);
        int rendered = 0;
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int j = 0; j < length; j++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertSame(stock, sparing, text.toString());
            rendered += outcome(stock, text.toString()).startsWith("failed: ") ? 0 : 1;
        }
        assertThat(rendered).as("texts Flexmark could render").isGreaterThan(2700);
    }

    @Test
    void textWithoutLinkCharactersCannotHoldALink() {
        assertThat(LinkableTextAutolink.mayHoldLink("Plain words, with commas (and brackets).")).isFalse();
        assertThat(LinkableTextAutolink.mayHoldLink("wwwx.org")).isFalse();
        assertThat(LinkableTextAutolink.mayHoldLink("see www.x.org")).isTrue();
        assertThat(LinkableTextAutolink.mayHoldLink("a: b")).isTrue();
        assertThat(LinkableTextAutolink.mayHoldLink("a@b")).isTrue();
        assertThat(LinkableTextAutolink.mayHoldLink("&#58;")).isTrue();
        assertThat(LinkableTextAutolink.mayHoldLink("www\\.x")).isTrue();
    }

    private static void assertSame(Parser stock, Parser sparing, String markdown) {
        assertThat(outcome(sparing, markdown)).as(markdown).isEqualTo(outcome(stock, markdown));
    }

    /** The HTML and the plain text of the page; or, where Flexmark itself fails, how it failed. */
    private static String outcome(Parser parser, String markdown) {
        try {
            Document document = parser.parse(markdown);
            new RenderContext(PagePath.of("Some/Page"), page -> true, false).attachTo(document);
            HtmlRenderer html = HtmlRenderer.builder(options(AutolinkExtension.create())).build();
            return html.render(document) + "\n----\n" + new TextCollectingVisitor().collectAndGetText(document);
        } catch (RuntimeException | AssertionError e) {
            // Flexmark's own assertions trip on some random text, with the stock extension too.
            return "failed: " + e;
        }
    }

    private static Parser parser(Extension autolink) {
        return Parser.builder(options(autolink)).build();
    }

    /** The wiki's extensions (see {@link FlexmarkMarkdown}) with the given autolink extension. */
    private static DataHolder options(Extension autolink) {
        List<Extension> extensions = new ArrayList<>(List.of(TablesExtension.create(), StrikethroughExtension.create(),
                TaskListExtension.create(), autolink, FootnoteExtension.create(), new WikiMarkdownExtension()));
        return new MutableDataSet().set(Parser.EXTENSIONS, extensions).toImmutable();
    }
}
