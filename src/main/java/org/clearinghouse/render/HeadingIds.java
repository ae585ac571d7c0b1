package org.clearinghouse.render;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Gives every heading of a page a unique anchor id and lists the headings for the table of
 * contents. Ids are GitHub-style slugs of the heading text ({@code "Career Day: Planning"} ->
 * {@code career-day-planning}); a repeated slug gets {@code -1}, {@code -2}, ... and ids already
 * used by other elements (footnotes) are avoided. Done on the final HTML rather than by Flexmark
 * so headings written as raw HTML get ids too and the list always matches the page. Stateless
 * and thread-safe.
 */
final class HeadingIds {

    static final String HEADINGS = "h1, h2, h3, h4, h5, h6";
    private static final int MAX_SLUG = 80;

    private HeadingIds() {}

    /** Sets an id on every heading under {@code body}, replacing any it had. */
    static void assign(Element body) {
        Set<String> used = new HashSet<>();
        for (Element element : body.select("[id]")) {
            if (!element.is(HEADINGS)) {
                used.add(element.id());
            }
        }
        for (Element heading : body.select(HEADINGS)) {
            String base = slug(heading.text());
            String id = base;
            for (int n = 1; !used.add(id); n++) {
                id = base + "-" + n;
            }
            heading.attr("id", id);
        }
    }

    /** The headings under {@code body} in document order; those without an id are skipped. */
    static List<Heading> list(Element body) {
        List<Heading> headings = new ArrayList<>();
        for (Element heading : body.select(HEADINGS)) {
            if (!heading.id().isEmpty()) {
                int level = heading.normalName().charAt(1) - '0';
                headings.add(new Heading(level, heading.id(), heading.text().strip()));
            }
        }
        return headings;
    }

    /**
     * A slug for a heading text (also used for {@code [[Page#Section]]}): lower case; letters,
     * digits, {@code -} and {@code _} kept; whitespace becomes {@code -}; the rest dropped.
     * Never empty.
     */
    static String slug(String text) {
        String normalized = Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder(Math.min(normalized.length(), MAX_SLUG));
        for (int i = 0; i < normalized.length() && slug.length() < MAX_SLUG; ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || cp == '-' || cp == '_') {
                slug.appendCodePoint(cp);
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                slug.append('-');
            }
        }
        return slug.length() == 0 ? "section" : slug.toString();
    }
}
