package org.clearinghouse.render;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the plain text and heading texts of a parsed page for indexing. Uses Flexmark's text
 * visitor on the tree, without rendering or sanitizing HTML (the text is never shown as HTML; the
 * search layer escapes it for snippets). Stateless and thread-safe.
 */
final class ContentCollector {
    /** Enough text for relevance and snippets; the rest of a huge page adds little. */
    static final int MAX_TEXT_CHARS = 256 * 1024;

    private ContentCollector() {}

    static PageContent collect(Document document, PageOutline outline, Deadline deadline) {
        List<String> headings = new ArrayList<>();
        int visited = 0;
        for (Node node : document.getDescendants()) {
            if ((++visited & 1023) == 0) {
                deadline.check();
            }
            if (node instanceof Heading heading) {
                String text = new TextCollectingVisitor().collectAndGetText(heading).replaceAll("\\s+", " ").strip();
                if (!text.isEmpty()) {
                    headings.add(text);
                }
            }
        }
        String text = new TextCollectingVisitor().collectAndGetText(document);
        if (text.length() > MAX_TEXT_CHARS) {
            text = text.substring(0, MAX_TEXT_CHARS);
        }
        return new PageContent(outline, headings, text);
    }
}
