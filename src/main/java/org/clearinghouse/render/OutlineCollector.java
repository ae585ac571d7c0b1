package org.clearinghouse.render;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.clearinghouse.page.PageMetadata;
import org.clearinghouse.page.PagePath;

/**
 * Reads a page's {@link PageOutline} from its parsed Markdown: the first level-1 heading and
 * every page it links to, through wiki links and through Markdown links that
 * {@link LinkTargets} resolves to pages (images are attachments, not links). Both
 * {@code outline()} and {@code render()} use it on the same AST, so the link graph built at
 * startup matches what rendering shows. Walks the tree iteratively, so deep pages cannot
 * overflow the stack here. Stateless and thread-safe.
 */
final class OutlineCollector {

    private OutlineCollector() {}

    static PageOutline collect(Document document, PageMetadata metadata, PagePath self, Deadline deadline) {
        Set<PagePath> links = new TreeSet<>();
        Optional<String> firstHeading = Optional.empty();
        int visited = 0;
        for (Node node : document.getDescendants()) {
            if ((++visited & 1023) == 0) {
                deadline.check();
            }
            if (node instanceof WikiLinkNode wiki) {
                wiki.page().ifPresent(links::add);
            } else if (node instanceof Link || node instanceof LinkRef) {
                LinkRewriter.rawUrl(node, document)
                        .flatMap(url -> LinkTargets.pageOf(url, self))
                        .ifPresent(links::add);
            } else if (firstHeading.isEmpty() && node instanceof Heading heading && heading.getLevel() == 1) {
                firstHeading = text(heading);
            }
        }
        return new PageOutline(metadata, firstHeading, links);
    }

    /** The heading's plain text with whitespace runs collapsed; empty when blank. */
    static Optional<String> text(Heading heading) {
        String text = new TextCollectingVisitor().collectAndGetText(heading).replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
