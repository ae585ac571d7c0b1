package org.clearinghouse.render;

import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.Set;

/**
 * Writes {@link WikiLinkNode}s as HTML: {@code <a href="/wiki/Page">text</a>}, with
 * {@code class="missing"} when the {@link LinkResolver} says the page does not exist. The href
 * is built only from a validated page name and a slug, and the text is written through
 * Flexmark's escaping, so neither can carry markup. An invalid link is written as its escaped
 * literal text. Stateless and thread-safe.
 */
final class WikiLinkRenderer implements NodeRenderer {

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(WikiLinkNode.class, WikiLinkRenderer::render));
    }

    private static void render(WikiLinkNode node, NodeRendererContext context, HtmlWriter html) {
        if (!node.isValid()) {
            context.renderChildren(node);
            return;
        }
        html.attr("href", node.href());
        node.page().ifPresent(page -> {
            if (!RenderContext.of(context.getDocument()).resolver().exists(page)) {
                html.attr("class", "missing");
            }
        });
        html.withAttr().tag("a");
        context.renderChildren(node);
        html.tag("/a");
    }

    /** Creates the renderer for Flexmark's {@code HtmlRenderer}. */
    static final class Factory implements NodeRendererFactory {
        @Override
        public NodeRenderer apply(DataHolder options) {
            return new WikiLinkRenderer();
        }
    }
}
