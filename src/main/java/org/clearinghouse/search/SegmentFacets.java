package org.clearinghouse.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.ArrayUtil;

/**
 * The facet values of every document of one index segment, read once from its sorted-set doc
 * values into flat arrays. Counting the facets of a search that matches most pages then reads
 * arrays instead of decoding doc values hit by hit, which was most of the cost of a search for a
 * common word. A segment never changes once written, so this is valid for the segment's life
 * (deletions do not matter: a deleted page is never a hit). Immutable; thread-safe.
 */
final class SegmentFacets {
    /** The segment's values, by segment ordinal, as indexed ("dimension\u001fvalue"). */
    private final String[] values;
    /** Document {@code d}'s ordinals are {@code ords[starts[d]] .. ords[starts[d + 1] - 1]}. */
    private final int[] starts;
    private final int[] ords;

    private SegmentFacets(String[] values, int[] starts, int[] ords) {
        this.values = values;
        this.starts = starts;
        this.ords = ords;
    }

    /** Reads the values of {@code field} of every document of {@code segment}. */
    static SegmentFacets read(LeafReader segment, String field) throws IOException {
        SortedSetDocValues docValues = DocValues.getSortedSet(segment, field);
        String[] values = new String[Math.toIntExact(docValues.getValueCount())];
        for (int ord = 0; ord < values.length; ord++) {
            values[ord] = docValues.lookupOrd(ord).utf8ToString();
        }
        int maxDoc = segment.maxDoc();
        int[] starts = new int[maxDoc + 1];
        int[] ords = new int[Math.max(16, maxDoc)];
        int size = 0;
        int next = 0; // documents before this one have their start set
        for (int doc = docValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docValues.nextDoc()) {
            while (next <= doc) {
                starts[next++] = size;
            }
            int count = docValues.docValueCount();
            ords = ArrayUtil.grow(ords, size + count);
            for (int i = 0; i < count; i++) {
                ords[size++] = Math.toIntExact(docValues.nextOrd());
            }
        }
        while (next <= maxDoc) {
            starts[next++] = size;
        }
        return new SegmentFacets(values, starts, Arrays.copyOf(ords, size));
    }

    /** The number of distinct values in the segment. */
    int valueCount() {
        return values.length;
    }

    /** The value of segment ordinal {@code ord}, as indexed. */
    String value(int ord) {
        return values[ord];
    }

    /** Adds one to {@code counts[ord]} for each value of {@code doc}. */
    void count(int doc, int[] counts) {
        for (int i = starts[doc], end = starts[doc + 1]; i < end; i++) {
            counts[ords[i]]++;
        }
    }
}
