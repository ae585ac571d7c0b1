package org.clearinghouse.render;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/**
 * Flexmark's autolink extension (plain URLs, {@code www.} addresses and e-mail addresses become
 * links), run only on text that could hold one. The extension unescapes every text node and
 * runs a link extractor and a regular expression over it: about a third of parsing a typical
 * page, on text that almost never has a link. It can only find a link where the unescaped text
 * has a {@code :} (a URL), an {@code @} (an address) or {@code www.}; text without those and
 * without {@code &} or {@code \} (an entity or an escape can produce them when unescaped) is left
 * exactly as it is by the extension, so it is not handed to it. Everything else goes through the
 * extension itself: the result is the same tree. Stateless and thread-safe.
 */
final class LinkableTextAutolink implements Parser.ParserExtension {

    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    /** Whether the extension could turn some of this text into a link. */
    static boolean mayHoldLink(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            switch (text.charAt(i)) {
                case ':', '@', '&', '\\':
                    return true;
                case '.':
                    if (i >= 3 && text.charAt(i - 1) == 'w' && text.charAt(i - 2) == 'w' && text.charAt(i - 3) == 'w') {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            AutolinkNodePostProcessor autolink = new AutolinkNodePostProcessor(document);
            return new NodePostProcessor() {
                @Override
                public void process(NodeTracker state, Node node) {
                    // An entity or typographic text right after is joined into one run with this
                    // node by the extension: that run is its own decision, whatever this node holds.
                    Node next = node.getNext();
                    if (next instanceof HtmlEntity || next instanceof TypographicText || mayHoldLink(node.getChars())) {
                        autolink.process(state, node);
                    }
                }
            };
        }
    }
}
