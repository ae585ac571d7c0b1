package org.clearinghouse.render;

import com.vladsch.flexmark.util.ast.BlankLineBreakNode;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.DoNotCollectText;
import com.vladsch.flexmark.util.ast.LineBreakNode;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.SpaceInsertingSequenceBuilder;
import com.vladsch.flexmark.util.ast.TextContainer;
import com.vladsch.flexmark.util.ast.Visitor;
import com.vladsch.flexmark.util.sequence.Range;
import java.util.Iterator;
import java.util.function.BiConsumer;

/**
 * The plain text of a node, exactly as Flexmark's {@code TextCollectingVisitor} (no flags) gives
 * it. The text is built the same way, by the same {@link TextContainer#collectText} calls into
 * Flexmark's own {@link SpaceInsertingSequenceBuilder}: that builder does not simply concatenate
 * (it recovers source characters between pieces, so {@code &amp;} can come out as written), and
 * the index must get the very same text. What differs is the walk and the final string, which
 * were about half the cost: the tree is walked iteratively, without visitor dispatch and without
 * looking up every node's ancestors for {@link DoNotCollectText} (a skipped node's subtree is
 * simply not entered), and the string is copied from the source in whole pieces instead of
 * character by character. Iterative also means a deep page cannot overflow the stack here.
 *
 * <p>{@link #enter} and {@link #leave} are Flexmark 0.64's {@code processNode} split around the
 * children; {@code PlainTextCollectorTest} compares the two on everything the wiki parses. One
 * instance per collection; not thread-safe.
 */
final class PlainTextCollector {

    private final Deadline deadline;
    private final SpaceInsertingSequenceBuilder out;
    private final NodeVisitor visitor = new NodeVisitor() {
        // Flexmark lets a container collect its children itself through this visitor (none does
        // without flags, but one that did must get the same treatment).
        @Override
        public void processNode(Node node, boolean withChildren, BiConsumer<Node, Visitor<Node>> processor) {
            walk(node);
        }
    };
    private int visited;

    private PlainTextCollector(Node node, Deadline deadline) {
        this.deadline = deadline;
        this.out = SpaceInsertingSequenceBuilder.emptyBuilder(node.getChars(), 0);
    }

    /** The node's plain text, checking the deadline as it goes. */
    static String text(Node node, Deadline deadline) {
        if (node.isOrDescendantOfType(DoNotCollectText.class)) {
            return "";
        }
        PlainTextCollector collector = new PlainTextCollector(node, deadline);
        collector.walk(node);
        return collector.string();
    }

    /** Visits the subtree in document order: {@link #enter} on the way down, {@link #leave} up. */
    private void walk(Node root) {
        Node node = root;
        boolean descend = enter(node);
        while (true) {
            Node child = descend ? node.getFirstChild() : null;
            if (child != null) {
                node = child;
                descend = enter(node);
                continue;
            }
            leave(node);
            while (node != root && node.getNext() == null) {
                node = node.getParent();
                leave(node);
            }
            if (node == root) {
                return;
            }
            node = node.getNext();
            descend = enter(node);
        }
    }

    /** Flexmark's processNode up to the children; answers whether to visit them. */
    private boolean enter(Node node) {
        if ((++visited & 1023) == 0) {
            deadline.check();
        }
        if (node instanceof DoNotCollectText) {
            return false;
        }
        out.setLastNode(node);
        if (node instanceof Block && out.isNotEmpty()) {
            out.appendEol();
        }
        if (node instanceof TextContainer container) {
            if (!container.collectText(out, 0, visitor)) {
                return false;
            }
            if (node instanceof BlankLineBreakNode && out.isNotEmpty()) {
                out.appendEol();
            }
        }
        return true;
    }

    /** Flexmark's processNode after the children. */
    private void leave(Node node) {
        if (node instanceof DoNotCollectText) {
            return;
        }
        if (node instanceof TextContainer container) {
            container.collectEndText(out, 0, visitor);
        }
        if (node instanceof LineBreakNode && out.needEol()) {
            out.appendEol();
        }
    }

    /**
     * What {@code SequenceBuilder.toString()} gives, with each source range copied at once from
     * the source string rather than through the sequence's per-character {@code charAt}. Flexmark
     * reads NUL as U+FFFD, so a source with a NUL keeps Flexmark's own way.
     */
    private String string() {
        CharSequence base = out.getBaseSequence();
        String source = out.getBaseSequence().getBase().toString();
        if (source.length() != base.length() || source.indexOf('\0') >= 0) {
            return out.toString();
        }
        StringBuilder text = new StringBuilder();
        Iterator<Object> parts = out.getSegmentBuilder().iterator();
        while (parts.hasNext()) {
            Object part = parts.next();
            if (part instanceof Range range) {
                if (range.isNotNull()) {
                    text.append(source, range.getStart(), range.getEnd());
                }
            } else if (part != null) {
                text.append((CharSequence) part);
            }
        }
        return text.toString();
    }
}
