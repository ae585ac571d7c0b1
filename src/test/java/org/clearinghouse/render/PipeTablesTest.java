package org.clearinghouse.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.List;
import java.util.Random;
import org.clearinghouse.page.PagePath;
import org.junit.jupiter.api.Test;

/**
 * Starting the table parser only for paragraphs whose first line has a {@code |} must give
 * exactly what Flexmark's tables extension gives: the same tree and the same HTML, for tables
 * of every shape, near-tables and text without any.
 */
class PipeTablesTest {

    private static final List<String> SAMPLES = List.of(
            "| a | b |\n|---|---|\n| 1 | 2 |\n",
            "a | b\n--|--\n1 | 2\n",
            "| a |\n|:-:|\n| x |\n| y | extra |\n|\n",
            "text first\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            "| a | b |\ntext second\n|---|---|\n",
            "| not | a table |\n\nno separator\n",
            "\\| escaped | pipe |\n|---|---|\n",
            "`a | b` code\n|---|---|\n",
            "- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n\n> | q | r |\n> |---|---|\n> | 3 | 4 |\n",
            "| [[Wiki Page]] | [l](x) |\n|---|---|\n| *e* | `c|d` |\n[caption]\n",
            "# Heading | with pipe\n\nParagraph | with pipe\nand more\n",
            "Plain words only.\n\nAnother paragraph, no pipes at all.\n");

    @Test
    void givesWhatTheTablesExtensionGivesOnSamples() {
        Parser stock = parser(TablesExtension.create());
        Parser gated = parser(new PipeTables());
        for (String sample : SAMPLES) {
            assertSame(stock, gated, sample);
        }
        assertThat(tables(gated.parse(SAMPLES.get(0)))).as("a table is still found").isEqualTo(1);
        assertThat(tables(gated.parse(SAMPLES.get(8)))).as("tables in a list and a quote").isEqualTo(2);
    }

    @Test
    void givesWhatTheTablesExtensionGivesOnRandomText() {
        Parser stock = parser(TablesExtension.create());
        Parser gated = parser(new PipeTables());
        String[] pieces = {"a", "b ", " ", "|", "| ", " |", "\\|", "-", "---", "|---|", ":--", "--:", "\n", "\n\n",
            "> ", "- ", "1. ", "`", "*", "[", "]", "[c]", "# ", "    ", "\t", "[[", "]]", "~~", "&amp;"};
        // Whole rows too, so that a fair share of the texts hold tables.
        String[] rows = {"| a | b |\n", "|---|---|\n", "a | b\n", "--|:-:\n", "| x |\n", "|-|\n"};
        Random random = new Random(5);
        int withTable = 0;
        for (int i = 0; i < 1000; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(30);
            for (int j = 0; j < length; j++) {
                text.append(random.nextInt(4) == 0 ? rows[random.nextInt(rows.length)] : pieces[random.nextInt(pieces.length)]);
            }
            assertSame(stock, gated, text.toString());
            withTable += tables(stock.parse(text.toString())) > 0 ? 1 : 0;
        }
        assertThat(withTable).as("random texts that hold a table").isGreaterThan(100);
    }

    @Test
    void onlyAParagraphWithAPipeOnItsFirstLineMayBeATable() {
        Parser gated = parser(new PipeTables());
        assertThat(PipeTables.mayBeTable(firstParagraph(gated, "a | b\nc"))).isTrue();
        assertThat(PipeTables.mayBeTable(firstParagraph(gated, "a b\nc | d"))).isFalse();
        assertThat(PipeTables.mayBeTable(firstParagraph(gated, "plain text"))).isFalse();
    }

    private static Paragraph firstParagraph(Parser parser, String markdown) {
        return (Paragraph) parser.parse(markdown).getFirstChild();
    }

    private static long tables(Document document) {
        int count = 0;
        for (Node node : document.getDescendants()) {
            count += node instanceof TableBlock ? 1 : 0;
        }
        return count;
    }

    private static void assertSame(Parser stock, Parser gated, String markdown) {
        assertThat(outcome(gated, markdown)).as(markdown).isEqualTo(outcome(stock, markdown));
    }

    /** The tree and the HTML of the page; or, where Flexmark itself fails, how it failed. */
    private static String outcome(Parser parser, String markdown) {
        try {
            Document document = parser.parse(markdown);
            StringBuilder tree = new StringBuilder();
            describe(document, 0, tree);
            new RenderContext(PagePath.of("Some/Page"), page -> true, false).attachTo(document);
            return tree + "----\n" + HtmlRenderer.builder(options(TablesExtension.create())).build().render(document);
        } catch (RuntimeException | AssertionError e) {
            return "failed: " + e;
        }
    }

    private static void describe(Node node, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(node.getClass().getSimpleName()).append(' ')
                .append(node.getStartOffset()).append('-').append(node.getEndOffset()).append('\n');
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            describe(child, depth + 1, out);
        }
    }

    private static Parser parser(Extension tables) {
        return Parser.builder(options(tables)).build();
    }

    /** The wiki's extensions and table options (see {@link FlexmarkMarkdown}) with the given tables. */
    private static DataHolder options(Extension tables) {
        return new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(tables, StrikethroughExtension.create(), TaskListExtension.create(),
                        new LinkableTextAutolink(), FootnoteExtension.create(), new WikiMarkdownExtension()))
                .set(TablesExtension.COLUMN_SPANS, false)
                .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
                .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
                .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true)
                .toImmutable();
    }
}
