package org.clearinghouse.render;

import java.util.Optional;
import org.clearinghouse.page.PagePath;

/**
 * Where one Markdown link or image points, as decided by {@link LinkTargets}. Immutable and
 * thread-safe.
 *
 * @param kind what sort of target it is
 * @param href the URL to put in the HTML; empty for {@link Kind#EXTERNAL} (Flexmark's own,
 *     checked again by the sanitizer) and {@link Kind#REJECTED} (no URL at all)
 * @param page the wiki page linked to, for {@link Kind#PAGE}
 */
record LinkTarget(Kind kind, String href, Optional<PagePath> page) {

    enum Kind {
        /** http, https or mailto: left as written. */
        EXTERNAL,
        /** {@code #section} on the same page. */
        FRAGMENT,
        /** Another wiki page: counted as a link, drawn red when missing. */
        PAGE,
        /** A file stored beside the pages, such as an image or a PDF. */
        ATTACHMENT,
        /** Anything else: the link keeps its text and loses its URL. */
        REJECTED
    }

    static final LinkTarget EXTERNAL = new LinkTarget(Kind.EXTERNAL, "", Optional.empty());
    static final LinkTarget REJECTED = new LinkTarget(Kind.REJECTED, "", Optional.empty());

    static LinkTarget fragment(String href) {
        return new LinkTarget(Kind.FRAGMENT, href, Optional.empty());
    }

    static LinkTarget page(PagePath page, String href) {
        return new LinkTarget(Kind.PAGE, href, Optional.of(page));
    }

    static LinkTarget attachment(String href) {
        return new LinkTarget(Kind.ATTACHMENT, href, Optional.empty());
    }
}
