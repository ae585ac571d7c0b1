package org.clearinghouse.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;

/**
 * Counts the tags, audiences and types over every matching page (not only the page of hits
 * shown), from the sorted-set doc values the documents carry. Values are ordered by count,
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

    /**
     * The counts over the documents {@code collected} holds. {@code state} is null when the
     * index has no facet values at all (an empty index).
     */
    static Map<String, Map<String, Integer>> count(SortedSetDocValuesReaderState state, FacetsCollector collected)
            throws IOException {
        Map<String, Map<String, Integer>> facets = noFacets();
        if (state == null) {
            return facets;
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, collected);
        for (String dimension : DIMENSIONS) {
            if (state.getOrdRange(dimension) == null) {
                continue; // no page has ever had a value in this dimension
            }
            FacetResult result = counts.getAllChildren(dimension);
            if (result == null) {
                continue;
            }
            List<Map.Entry<String, Integer>> values = new ArrayList<>();
            for (LabelAndValue lv : result.labelValues) {
                int count = lv.value.intValue();
                if (count > 0) {
                    values.add(Map.entry(lv.label, count));
                }
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
