package org.clearinghouse.render;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.DoNotLinkDecorate;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Optional;
import org.clearinghouse.page.PagePath;

/**
 * A {@code [[Page Name]]}, {@code [[Page Name|label]]} or {@code [[Page#Section]]} in the
 * Markdown AST. Its single child is the text to show (the label, or the target as written), so
 * Flexmark's text collection sees it like any other text. A link whose target is not a valid
 * page name is kept as a node with {@link #isValid()} false and is shown as its literal text.
 * Marked {@link DoNotLinkDecorate} so the autolink extension leaves the text inside alone (no
 * link inside a link, no {@code [[https://...]]} half-linked).
 * Not thread-safe (an AST node, used by one thread).
 */
final class WikiLinkNode extends Node implements DoNotLinkDecorate {

    private final Optional<PagePath> page;
    private final Optional<String> fragment;
    private final boolean valid;

    private WikiLinkNode(BasedSequence chars, BasedSequence text, Optional<PagePath> page,
            Optional<String> fragment, boolean valid) {
        super(chars);
        this.page = page;
        this.fragment = fragment;
        this.valid = valid;
        appendChild(new Text(text));
    }

    /** A link to a page (and maybe a section of it), or with no page, to a section of this one. */
    static WikiLinkNode link(BasedSequence chars, BasedSequence text, Optional<PagePath> page,
            Optional<String> fragment) {
        return new WikiLinkNode(chars, text, page, fragment, true);
    }

    /** Brackets around something that is not a page name: shown as the text written. */
    static WikiLinkNode literal(BasedSequence chars) {
        return new WikiLinkNode(chars, chars, Optional.empty(), Optional.empty(), false);
    }

    Optional<PagePath> page() {
        return page;
    }

    /** The heading id linked to, already in the form heading ids take. */
    Optional<String> fragment() {
        return fragment;
    }

    boolean isValid() {
        return valid;
    }

    /** The href of a valid link: {@code /wiki/Page}, {@code /wiki/Page#id} or {@code #id}. */
    String href() {
        return page.map(p -> "/wiki/" + p).orElse("") + fragment.map(f -> "#" + f).orElse("");
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
