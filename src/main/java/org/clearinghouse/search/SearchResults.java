package org.clearinghouse.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of results. {@code total} counts every matching page, {@code hits} is the requested
 * window of them. {@code facets} always has exactly the keys {@code "tags"}, {@code "audience"}
 * and {@code "type"}; each maps a (lower-cased) value to the number of matching pages carrying
 * it, in iteration order of count descending then value. {@code suggestion} is a corrected query
 * ("did you mean") when some words of the query are not in the index. Immutable.
 */
public record SearchResults(long total, List<SearchHit> hits, Map<String, Map<String, Integer>> facets,
        Optional<String> suggestion) {

    public SearchResults {
        hits = List.copyOf(hits);
        facets = Collections.unmodifiableMap(new LinkedHashMap<>(facets));
        suggestion = suggestion == null ? Optional.empty() : suggestion;
    }

    /** No results at all, with empty facets. */
    public static SearchResults empty() {
        return new SearchResults(0, List.of(), FacetCounter.noFacets(), Optional.empty());
    }
}
