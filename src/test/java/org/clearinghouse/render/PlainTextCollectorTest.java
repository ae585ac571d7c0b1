package org.clearinghouse.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The collector must give exactly the text Flexmark's own {@link TextCollectingVisitor} gives,
 * for the whole page and for each heading, on everything the wiki's parser produces; and, unlike
 * Flexmark's recursive visitor, it must survive a tree deeper than the stack and stop at the
 * deadline.
 */
class PlainTextCollectorTest {

    private static final FlexmarkMarkdown FLEXMARK = new FlexmarkMarkdown();
    private static final long MINUTE = 60_000_000_000L;
    private static final String FAILED = "failed: ";

    private static final List<String> SAMPLES = List.of(
            "# Title\n\nA paragraph with *emphasis*, **strong**, `code` and ~~struck~~ text.\n",
            "Entities &amp; &copy; &#64; &#x41; &bogus; and escapes \\* \\_ \\[ \\\\ and a trailing \\\n",
            "Soft\nline breaks\r\nand CRLF and hard  \nbreaks and backslash\\\nbreaks.\n",
            "[link text](https://x.org \"title\") and ![alt *text*](pic.png) and <https://angle.org> and <a@b.org>\n",
            "[ref][r] and [r] and [missing][nope] and ![img][r]\n\n[r]: https://ref.org \"T\"\n",
            "[[Wiki Page]] and [[Page|label **bold**]] and [[#Section]] and [[../bad]] and [[]]\n",
            "- one\n- two\n  - nested *x*\n\n1. first\n2. second\n\n- [ ] open task\n- [x] done task\n",
            "> quote line\n> > nested quote\n>\n> after blank\n\nafter quote\n",
            "```java\nint a = 1; // code &amp; \\*\n```\n\n~~~\ntilde fence\n~~~\n\n    indented &amp; code\n    \\* line two\n",
            "| a | *b* | c |\n|:--|:-:|--:|\n| 1 | `2` | [3](x) |\n| 4 | 5 |\n\nafter table\n",
            "| one |\n|---|\n| row |\n|  |\n",
            "Setext\n======\n\nSub\n---\n\n## ATX ##\n\n###### six `code` [l](x)\n\n#\n",
            "Footnote[^1] and again[^note].\n\n[^1]: First *note*.\n[^note]: Second\n    continued.\n",
            "<div>\nhtml *block*\n</div>\n\ninline <span>html</span> <!-- comment --> end\n",
            "***\n\nthematic\n\n---\n\n___\n",
            "Text with https://auto.link/path?q=1 and www.example.org and mail me@x.org.\n",
            "   \n\n  leading spaces\n\n\n\ntrailing blank lines\n\n\n",
            "\u0000 nul and \u00a0nbsp and \t tabs\tinside\n",
            "# Heading with [link](x) and ![img](y) and &amp; and \\# and `code`\n\n# \n\n#   spaced   out   \n",
            "- a\n\n  para in item\n\n      code in item\n- | t |\n  |---|\n  | c |\n");

    @Test
    void givesFlexmarksTextOnSamples() {
        for (String sample : SAMPLES) {
            assertSameText(sample);
        }
    }

    @Test
    void givesFlexmarksTextOnRandomMarkdown() {
        String[] pieces = {"a", "word ", " ", "\n", "\n\n", "\r\n", "  \n", "\\\n", "*", "**", "_", "`", "```\n",
            "~~", "[", "]", "(", ")", "[[", "]]", "|", "|---|", "- ", "1. ", "> ", "# ", "## ", "---\n", "    ",
            "\t", "&amp;", "&#64;", "\\*", "\\", "<b>", "</b>", "<div>\n", "[^1]", "[^1]: ", "[r]: x\n", "![",
            "https://x.org", "www.y.org", "a@b.org", "- [ ] ", "- [x] ", "===\n", ":", "\u0000"};
        Random random = new Random(7);
        int collected = 0;
        for (int i = 0; i < 1500; i++) {
            StringBuilder markdown = new StringBuilder();
            int length = 1 + random.nextInt(60);
            for (int j = 0; j < length; j++) {
                markdown.append(pieces[random.nextInt(pieces.length)]);
            }
            collected += assertSameText(markdown.toString()) ? 1 : 0;
        }
        assertThat(collected).as("texts Flexmark could collect").isGreaterThan(1000);
    }

    @Test
    void collectsATreeTooDeepForARecursiveVisitor() {
        Document document = new Document(new MutableDataSet(), BasedSequence.of("deep"));
        Node parent = document;
        for (int i = 0; i < 200_000; i++) {
            BlockQuote quote = new BlockQuote();
            parent.appendChild(quote);
            parent = quote;
        }
        Paragraph paragraph = new Paragraph();
        paragraph.appendChild(new Text(document.getChars()));
        parent.appendChild(paragraph);

        String text = PlainTextCollector.text(document, Deadline.in(MINUTE));

        assertThat(text.strip()).isEqualTo("deep");
    }

    @Test
    void stopsAtThePassedDeadline() {
        Document document = FLEXMARK.parse("- item *x*\n".repeat(2000), Deadline.in(MINUTE));
        Deadline passed = Deadline.in(0);

        assertThatThrownBy(() -> PlainTextCollector.text(document, passed)).isInstanceOf(Deadline.Exceeded.class);
    }

    /** Asserts both collectors agree; answers whether Flexmark's collected the page's text. */
    private static boolean assertSameText(String markdown) {
        Document document = FLEXMARK.parse(markdown, Deadline.in(MINUTE));
        String expected = outcome(() -> new TextCollectingVisitor().collectAndGetText(document));
        assertThat(outcome(() -> PlainTextCollector.text(document, Deadline.in(MINUTE))))
                .as("text of %s", markdown)
                .isEqualTo(expected);
        for (Node node : document.getDescendants()) {
            if (node instanceof Heading heading) {
                assertThat(outcome(() -> PlainTextCollector.text(heading, Deadline.in(MINUTE))))
                        .as("heading %s of %s", heading.getChars(), markdown)
                        .isEqualTo(outcome(() -> new TextCollectingVisitor().collectAndGetText(heading)));
            }
        }
        return !expected.startsWith(FAILED);
    }

    /**
     * The text, or how Flexmark's sequence builder failed: on some input it throws, and with
     * assertions on (as in tests) it fails an assertion on more. Both collectors drive that
     * builder, so both must fail alike.
     */
    private static String outcome(Supplier<String> collect) {
        try {
            return collect.get();
        } catch (RuntimeException | AssertionError e) {
            return FAILED + e;
        }
    }
}
