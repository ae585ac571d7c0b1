package org.clearinghouse.render;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.clearinghouse.page.PageMetadata;
import org.clearinghouse.page.PagePath;

/**
 * Reads a page's {@link PageOutline} from its parsed Markdown: the first level-1 heading and
 * every page it links to, through wiki links and through Markdown links that
 * {@link LinkTargets} resolves to pages (images are attachments, not links). Both
 * {@code outline()} and {@code render()} use it on the same AST, so the link graph built at
 * startup matches what rendering shows. Walks the tree iteratively, so deep pages cannot overflow the stack here. One instance
 * per page; not thread-safe.
 */
final class OutlineCollector {

    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

    private final Document document;
    private final PagePath self;
    private final Set<PagePath> links = new TreeSet<>();
    private Optional<String> firstHeading = Optional.empty();

    private OutlineCollector(Document document, PagePath self) {
        this.document = document;
        this.self = self;
    }

    static PageOutline collect(Document document, PageMetadata metadata, PagePath self, Deadline deadline) {
        OutlineCollector outline = new OutlineCollector(document, self);
        int visited = 0;
        for (Node node : document.getDescendants()) {
            if ((++visited & 1023) == 0) {
                deadline.check();
            }
            outline.link(node);
            if (outline.wantsHeading(node)) {
                outline.heading((Heading) node, text((Heading) node, deadline));
            }
        }
        return outline.outline(metadata);
    }

    /** Records the page the node links to, if it is a link to a page. */
    private void link(Node node) {
        if (node instanceof WikiLinkNode wiki) {
            wiki.page().ifPresent(links::add);
        } else if (node instanceof Link || node instanceof LinkRef) {
            LinkRewriter.rawUrl(node, document)
                    .flatMap(url -> LinkTargets.pageOf(url, self))
                    .ifPresent(links::add);
        }
    }

    /** Whether the node is a heading that could still be the page's first heading. */
    private boolean wantsHeading(Node node) {
        return firstHeading.isEmpty() && node instanceof Heading heading && heading.getLevel() == 1;
    }

    /** Takes a heading's {@link #text} as the first heading when {@link #wantsHeading} it. */
    private void heading(Heading heading, Optional<String> text) {
        if (wantsHeading(heading)) {
            firstHeading = text;
        }
    }

    private PageOutline outline(PageMetadata metadata) {
        return new PageOutline(metadata, firstHeading, links);
    }

    /** The heading's plain text with whitespace runs collapsed; empty when blank. */
    static Optional<String> text(Heading heading, Deadline deadline) {
        return headingText(PlainTextCollector.text(heading, deadline));
    }

    /**
     * A heading's text as the wiki keeps it, from the text collected from it: blanks run together,
     * none at either end; empty when nothing is left. The search index's headings get the same.
     */
    static Optional<String> headingText(CharSequence collected) {
        String text = WHITESPACE_RUN.matcher(collected).replaceAll(" ").strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
