package org.clearinghouse.render;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.MutableAttributes;
import java.util.Optional;

/**
 * Rewrites the href of Markdown links and the src of images as {@link LinkTargets} decides:
 * relative and {@code .md} links become {@code /wiki/...} paths, links to missing pages get
 * {@code class="missing"}, and rejected URLs are removed (the text stays). Runs as a Flexmark
 * attribute provider, after Flexmark has written its own href, so Flexmark's case-sensitive
 * {@code javascript:} filter is never relied on. One instance per rendered document.
 */
final class LinkRewriter implements AttributeProvider {

    private final Document document;
    private final RenderContext context;

    private LinkRewriter(Document document) {
        this.document = document;
        this.context = RenderContext.of(document);
    }

    @Override
    public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
        if (node instanceof Link || node instanceof LinkRef) {
            rawUrl(node, document).ifPresent(url -> rewrite(url, "href", false, attributes));
        } else if (node instanceof Image || node instanceof ImageRef) {
            rawUrl(node, document).ifPresent(url -> rewrite(url, "src", true, attributes));
        }
    }

    /**
     * The URL as Flexmark reads it: backslash escapes and entities decoded (so
     * {@code &#106;avascript:} is seen as {@code javascript:}); empty for an undefined reference.
     */
    static Optional<String> rawUrl(Node node, Document document) {
        if (node instanceof Link link) {
            return Optional.of(link.getUrl().unescape());
        }
        if (node instanceof Image image) {
            return Optional.of(image.getUrl().unescape());
        }
        if (node instanceof RefNode ref) {
            Reference reference = ref.getReferenceNode(document);
            return reference == null ? Optional.empty() : Optional.of(reference.getUrl().unescape());
        }
        return Optional.empty();
    }

    private void rewrite(String url, String attribute, boolean image, MutableAttributes attributes) {
        LinkTarget target = LinkTargets.resolve(url, context.self());
        switch (target.kind()) {
            case EXTERNAL -> { } // checked again by the sanitizer, which also adds rel
            case REJECTED -> attributes.remove(attribute);
            case FRAGMENT, ATTACHMENT -> attributes.replaceValue(attribute, target.href());
            case PAGE -> {
                attributes.replaceValue(attribute, target.href());
                if (!image && !context.resolver().exists(target.page().orElseThrow())) {
                    attributes.addValue("class", "missing");
                }
            }
        }
    }

    /** Creates a rewriter for each document rendered. */
    static final class Factory extends IndependentAttributeProviderFactory {
        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            return new LinkRewriter(context.getDocument());
        }
    }
}
