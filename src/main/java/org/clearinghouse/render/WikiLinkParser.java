package org.clearinghouse.render;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Optional;
import java.util.Set;
import org.clearinghouse.page.PagePath;

/**
 * Recognises {@code [[target]]} and {@code [[target|label]]} while Flexmark parses inline text,
 * and turns them into {@link WikiLinkNode}s. Being an inline parser, it never sees code spans or
 * code blocks, so wiki links there stay literal. The target is validated here, once, through
 * {@link PagePath#fromLinkText}; anything that is not a page name (a URL, HTML, {@code ..})
 * becomes a literal node. Stateless; one instance per parse, as Flexmark wants.
 *
 * <p>A link must close on the same line within {@value #MAX_INNER} characters and contain no
 * other bracket, which keeps the scan constant-time on hostile runs of {@code [}. Inside a
 * table cell the separator may be written {@code \|}.
 */
final class WikiLinkParser implements InlineParserExtension {

    static final int MAX_INNER = 256;

    @Override
    public boolean parse(LightInlineParser parser) {
        BasedSequence input = parser.getInput();
        int start = parser.getIndex();
        if (start + 1 >= input.length() || input.charAt(start + 1) != '[') {
            return false;
        }
        int close = findClose(input, start + 2);
        if (close < 0) {
            return false;
        }
        BasedSequence chars = input.subSequence(start, close + 2);
        BasedSequence inner = input.subSequence(start + 2, close);
        if (inner.isBlank()) {
            return false;
        }
        parser.flushTextNode();
        parser.getBlock().appendChild(toNode(chars, inner));
        parser.setIndex(close + 2);
        return true;
    }

    /** The index of the first {@code ]} of the closing {@code ]]}, or -1. */
    private static int findClose(BasedSequence input, int from) {
        int limit = Math.min(input.length() - 1, from + MAX_INNER);
        for (int i = from; i < limit; i++) {
            char c = input.charAt(i);
            if (c == ']') {
                return input.charAt(i + 1) == ']' ? i : -1;
            }
            if (c == '[' || c == '\n' || c == '\r') {
                return -1;
            }
        }
        return -1;
    }

    private static WikiLinkNode toNode(BasedSequence chars, BasedSequence inner) {
        int bar = inner.indexOf('|');
        BasedSequence target = bar < 0 ? inner : inner.subSequence(0, bar);
        BasedSequence label = bar < 0 ? inner : inner.subSequence(bar + 1);
        if (target.endsWith("\\")) {
            target = target.subSequence(0, target.length() - 1); // "\|" inside a table cell
        }
        target = target.trim();
        label = label.trim();
        if (label.isEmpty()) {
            label = target;
        }
        int hash = target.indexOf('#');
        String pageText = (hash < 0 ? target : target.subSequence(0, hash)).toString().strip();
        String fragmentText = hash < 0 ? "" : target.subSequence(hash + 1).toString().strip();
        Optional<String> fragment = fragmentText.isEmpty() ? Optional.empty()
                : Optional.of(HeadingIds.slug(fragmentText));
        if (pageText.endsWith(PagePath.EXTENSION)) {
            pageText = pageText.substring(0, pageText.length() - PagePath.EXTENSION.length());
        }
        if (pageText.isEmpty()) {
            return fragment.isPresent() && !label.isEmpty()
                    ? WikiLinkNode.link(chars, label, Optional.empty(), fragment)
                    : WikiLinkNode.literal(chars);
        }
        Optional<PagePath> page = PagePath.fromLinkText(pageText);
        return page.isPresent() && !label.isEmpty()
                ? WikiLinkNode.link(chars, label, page, fragment)
                : WikiLinkNode.literal(chars);
    }

    @Override
    public void finalizeDocument(InlineParser parser) {}

    @Override
    public void finalizeBlock(InlineParser parser) {}

    /** Registers the parser for {@code [}. */
    static final class Factory implements InlineParserExtensionFactory {
        @Override
        public CharSequence getCharacters() {
            return "[";
        }

        @Override
        public InlineParserExtension apply(LightInlineParser parser) {
            return new WikiLinkParser();
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }
}
