package org.clearinghouse.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Counts the tags, audiences and types over every matching page (not only the page of hits
 * shown), from the facet values of the view ({@link FacetOrdinals}): per segment into an array
 * by segment ordinal, then across segments by value. Values are ordered by count,
 * then name, and at most {@value #MAX_VALUES} are kept per dimension. Stateless; thread-safe.
 */
final class FacetCounter {
    /** Values kept per dimension: a facet list longer than this is not read by anyone. */
    static final int MAX_VALUES = 100;
    private static final List<String> DIMENSIONS =
            List.of(PageFields.TAGS_DIM, PageFields.AUDIENCE_DIM, PageFields.TYPE_DIM);
    private static final Comparator<Map.Entry<String, Integer>> BY_COUNT_THEN_NAME =
            Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    private FacetCounter() {}

    /** Every dimension present, each with no values. */
    static Map<String, Map<String, Integer>> noFacets() {
        Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
        for (String dimension : DIMENSIONS) {
            facets.put(dimension, Map.of());
        }
        return facets;
    }

    /** The counts over the documents {@code collected} holds, values numbered by {@code ordinals}. */
    static Map<String, Map<String, Integer>> count(FacetOrdinals ordinals, FacetsCollector collected)
            throws IOException {
        int[] counts = new int[ordinals.size()];
        for (FacetsCollector.MatchingDocs matching : collected.getMatchingDocs()) {
            if (matching.totalHits == 0) {
                continue;
            }
            int leaf = matching.context.ord;
            SegmentFacets segment = ordinals.segment(leaf);
            int[] segmentCounts = new int[segment.valueCount()];
            DocIdSetIterator docs = matching.bits.iterator();
            if (docs == null) {
                continue;
            }
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                segment.count(doc, segmentCounts);
            }
            for (int ord = 0; ord < segmentCounts.length; ord++) {
                counts[ordinals.viewOrdinal(leaf, ord)] += segmentCounts[ord];
            }
        }
        Map<String, List<Map.Entry<String, Integer>>> byDimension = new HashMap<>();
        for (int ord = 0; ord < counts.length; ord++) {
            if (counts[ord] > 0 && ordinals.label(ord) != null) {
                byDimension.computeIfAbsent(ordinals.dimension(ord), d -> new ArrayList<>())
                        .add(Map.entry(ordinals.label(ord), counts[ord]));
            }
        }
        Map<String, Map<String, Integer>> facets = noFacets();
        for (String dimension : DIMENSIONS) {
            List<Map.Entry<String, Integer>> values = byDimension.getOrDefault(dimension, List.of());
            if (values.isEmpty()) {
                continue;
            }
            values.sort(BY_COUNT_THEN_NAME);
            Map<String, Integer> ordered = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> value : values.subList(0, Math.min(MAX_VALUES, values.size()))) {
                ordered.put(value.getKey(), value.getValue());
            }
            facets.put(dimension, Collections.unmodifiableMap(ordered));
        }
        return facets;
    }
}
