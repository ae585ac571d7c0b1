package org.clearinghouse.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * A highlighter of the body that takes the text of each hit from what was already read for the
 * hit list, instead of reading (and decompressing) every stored document a second time, and the
 * body's field information from the view, instead of merging every segment's field infos on each
 * search. Used for one search; not shared between threads.
 */
final class BodyHighlighter extends UnifiedHighlighter {
    private final Map<Integer, String> bodies;
    private final int maxLength;
    private final FieldInfo bodyInfo;

    /**
     * @param builder   the highlighter's settings
     * @param bodies    the body of each document to highlight, by document id
     * @param maxLength the characters of a body looked at: matches further in are not marked
     * @param bodyInfo  the body field's information in the searched view (null when no page has a body)
     */
    BodyHighlighter(Builder builder, Map<Integer, String> bodies, int maxLength, FieldInfo bodyInfo) {
        super(builder);
        this.bodies = new HashMap<>(bodies);
        this.maxLength = maxLength;
        this.bodyInfo = bodyInfo;
    }

    @Override
    protected FieldInfo getFieldInfo(String field) {
        return PageFields.BODY.equals(field) ? bodyInfo : super.getFieldInfo(field);
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
            throws IOException {
        if (fields.length != 1 || !PageFields.BODY.equals(fields[0])) {
            return super.loadFieldValues(fields, docs, cacheCharsThreshold);
        }
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            String body = bodies.getOrDefault(doc, ""); // a page with no text stores no body
            // As the stored-fields path does: text past the limit is not highlighted.
            values.add(new CharSequence[] {body.length() > maxLength ? body.substring(0, maxLength) : body});
        }
        return values;
    }
}
