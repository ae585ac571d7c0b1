package org.clearinghouse.search;

import java.util.Optional;

/**
 * What a visitor asked for: the query text as typed, optional facet filters (combined with any
 * {@code tag:}/{@code audience:}/{@code type:} filters in the text) and the window of results.
 * The compact constructor clamps the window so no request can ask for unbounded work:
 * {@code limit} to 1..{@value #MAX_LIMIT} and {@code offset} to 0..{@value #MAX_OFFSET}.
 * Immutable.
 */
public record SearchRequest(String query, Optional<String> tag, Optional<String> audience, Optional<String> type,
        int limit, int offset) {

    /** The most hits one request returns. */
    public static final int MAX_LIMIT = 100;
    /** The deepest page reachable: collecting offset+limit top hits must stay cheap. */
    public static final int MAX_OFFSET = 10_000;

    public SearchRequest {
        query = query == null ? "" : query;
        tag = blankToEmpty(tag);
        audience = blankToEmpty(audience);
        type = blankToEmpty(type);
        limit = Math.max(1, Math.min(MAX_LIMIT, limit));
        offset = Math.max(0, Math.min(MAX_OFFSET, offset));
    }

    /** A request for the first {@code limit} hits of {@code query}, with no filters. */
    public static SearchRequest of(String query, int limit) {
        return new SearchRequest(query, Optional.empty(), Optional.empty(), Optional.empty(), limit, 0);
    }

    private static Optional<String> blankToEmpty(Optional<String> value) {
        return value == null ? Optional.empty() : value.filter(v -> !v.isBlank());
    }
}
