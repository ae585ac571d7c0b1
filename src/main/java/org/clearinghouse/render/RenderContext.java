package org.clearinghouse.render;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.NullableDataKey;
import org.clearinghouse.page.PagePath;

/**
 * The page being rendered and the {@link LinkResolver} to ask about other pages, carried on the
 * Flexmark {@link Document} itself: the parser and renderer are built once and shared by all
 * threads, so per-render facts cannot live in their options. Immutable and thread-safe.
 *
 * @param self the page being rendered; relative links resolve against its folder
 * @param resolver tells which linked pages exist
 * @param titleShownApart the page's title is shown above the rendered text (a page view), so a
 *     level-1 heading opening the text with that same title is left out
 */
record RenderContext(PagePath self, LinkResolver resolver, boolean titleShownApart) {

    private static final NullableDataKey<RenderContext> KEY = new NullableDataKey<>("clearinghouse.render-context");

    /** Attaches this context to a document before it is rendered. */
    void attachTo(Document document) {
        document.set(KEY, this);
    }

    /** The context attached to a document; a document rendered without one is a bug. */
    static RenderContext of(Document document) {
        RenderContext context = KEY.get(document);
        if (context == null) {
            throw new IllegalStateException("Document rendered without a RenderContext");
        }
        return context;
    }
}
