package org.clearinghouse.render;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/**
 * Plugs the wiki's own pieces into Flexmark: the {@code [[...]]} parser and renderer and the
 * link rewriter. Stateless and thread-safe.
 */
final class WikiMarkdownExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void rendererOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder builder) {
        builder.customInlineParserExtensionFactory(new WikiLinkParser.Factory());
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(new WikiLinkRenderer.Factory());
        builder.attributeProviderFactory(new LinkRewriter.Factory());
    }
}
