package org.clearinghouse.render;

import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.io.IOException;
import java.util.List;
import org.clearinghouse.page.RenderFailedException;

/**
 * The configured Flexmark parser and HTML renderer, built once and shared (both are
 * thread-safe): GFM tables (see {@link PipeTables}), strikethrough, task lists, autolinks (see
 * {@link LinkableTextAutolink}), footnotes, and the wiki's own links. Header ids are left to {@link HeadingIds}; front matter never reaches Flexmark (see
 * {@link FrontMatter}). Flexmark's output is not trusted: it still goes through the sanitizer.
 */
final class FlexmarkMarkdown {

    static final String TOO_MUCH_HTML = "This page produces too much HTML to display.";

    private final Parser parser;
    private final HtmlRenderer renderer;

    FlexmarkMarkdown() {
        DataHolder options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(
                        new PipeTables(),
                        StrikethroughExtension.create(),
                        TaskListExtension.create(),
                        new LinkableTextAutolink(),
                        FootnoteExtension.create(),
                        new WikiMarkdownExtension()))
                // GitHub's table rules: no column spans, ragged rows padded or cut to the header.
                .set(TablesExtension.COLUMN_SPANS, false)
                .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
                .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
                .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true)
                .set(HtmlRenderer.GENERATE_HEADER_ID, false)
                .set(HtmlRenderer.RENDER_HEADER_ID, false)
                .toImmutable();
        parser = Parser.builder(options).build();
        renderer = HtmlRenderer.builder(options).build();
    }

    /** Parses the body, reading it through the deadline's guard so a runaway parse stops. */
    Document parse(String body, Deadline deadline) {
        return parser.parse(BasedSequence.of(deadline.guard(body)));
    }

    /**
     * Renders a parsed page to (unsanitized) HTML of at most {@code maxChars} characters: a few
     * hundred footnote references can otherwise multiply a page's size a hundredfold.
     */
    String html(Document document, RenderContext context, int maxChars, Deadline deadline) {
        context.attachTo(document);
        StringBuilder out = new StringBuilder();
        renderer.render(document, new Appendable() {
            @Override
            public Appendable append(CharSequence text) {
                return append(text, 0, text.length());
            }

            @Override
            public Appendable append(CharSequence text, int start, int end) {
                grow(end - start);
                out.append(text, start, end);
                return this;
            }

            @Override
            public Appendable append(char c) {
                grow(1);
                out.append(c);
                return this;
            }

            private void grow(int by) {
                if (out.length() + by > maxChars) {
                    throw new RenderFailedException(TOO_MUCH_HTML, null);
                }
            }
        });
        deadline.check();
        return out.toString();
    }
}
