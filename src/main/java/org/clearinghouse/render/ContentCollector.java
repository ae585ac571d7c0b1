package org.clearinghouse.render;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clearinghouse.page.PageMetadata;
import org.clearinghouse.page.PagePath;

/**
 * Collects a page's outline, heading texts and plain text for indexing, in one walk of the tree
 * for the outline and the headings (each heading's text is collected once and serves both) and
 * one for the text. Works on the tree, without rendering or sanitizing HTML (the text is never
 * shown as HTML; the search layer escapes it for snippets). Stateless and thread-safe.
 */
final class ContentCollector {
    /** Enough text for relevance and snippets; the rest of a huge page adds little. */
    static final int MAX_TEXT_CHARS = 256 * 1024;

    private ContentCollector() {}

    static PageContent collect(Document document, PageMetadata metadata, PagePath self, Deadline deadline) {
        OutlineCollector outline = new OutlineCollector(document, self);
        List<String> headings = new ArrayList<>();
        int visited = 0;
        for (Node node : document.getDescendants()) {
            if ((++visited & 1023) == 0) {
                deadline.check();
            }
            outline.link(node);
            if (node instanceof Heading heading) {
                Optional<String> text = OutlineCollector.text(heading, deadline);
                text.ifPresent(headings::add);
                outline.heading(heading, text);
            }
        }
        String text = PlainTextCollector.text(document, deadline);
        if (text.length() > MAX_TEXT_CHARS) {
            text = text.substring(0, MAX_TEXT_CHARS);
        }
        return new PageContent(outline.outline(metadata), headings, text);
    }
}
