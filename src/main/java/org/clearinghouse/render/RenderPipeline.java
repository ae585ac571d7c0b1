package org.clearinghouse.render;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.BlankLine;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import org.clearinghouse.page.PageMetadata;
import org.clearinghouse.page.PagePath;
import org.jsoup.nodes.Element;

/**
 * The steps of rendering one page, run on a budgeted worker thread: parse with Flexmark, read
 * the outline from the AST, render HTML (wiki links resolved through the {@link LinkResolver}),
 * then sanitize and list the headings. Also the parse-only outline. Thread-safe: it only holds
 * shared, thread-safe parts.
 */
final class RenderPipeline {

    private final FlexmarkMarkdown flexmark = new FlexmarkMarkdown();
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final int maxHtmlChars;

    RenderPipeline(int maxHtmlChars) {
        this.maxHtmlChars = maxHtmlChars;
    }

    PageOutline outline(String body, PageMetadata metadata, PagePath self, Deadline deadline) {
        Document document = flexmark.parse(body, deadline);
        return OutlineCollector.collect(document, metadata, self, deadline);
    }

    /**
     * A page that opens with its title as a level-1 heading (the usual way to write a Markdown
     * page) would show it twice under the page view's own title.
     */
    private static void dropLeadingTitle(Document document, String title, Deadline deadline) {
        Node first = document.getFirstChild();
        while (first instanceof BlankLine) {
            first = first.getNext();
        }
        if (first instanceof Heading heading && heading.getLevel() == 1
                && OutlineCollector.text(heading, deadline).filter(title::equals).isPresent()) {
            heading.unlink();
        }
    }

    RenderedPage render(String body, PageMetadata metadata, RenderContext context, Deadline deadline) {
        Document document = flexmark.parse(body, deadline);
        PageOutline outline = OutlineCollector.collect(document, metadata, context.self(), deadline);
        if (context.titleShownApart()) {
            dropLeadingTitle(document, outline.title(context.self()), deadline);
        }
        String html = flexmark.html(document, context, maxHtmlChars, deadline);
        Element clean = sanitizer.clean(html, deadline).body();
        return new RenderedPage(clean.html(), HeadingIds.list(clean), outline);
    }
}
