package org.clearinghouse.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Wraps the positive part of a search in its restrictions: facet filters (from the query text
 * and from the request) and exclusions ({@code -word}, {@code -"phrase"}, {@code -tag:x}).
 * Filters are FILTER clauses, so they narrow the results without changing the scores.
 * Thread-safe.
 */
final class QueryRestrictions {
    private final QueryTranslator translator;

    QueryRestrictions(QueryTranslator translator) {
        this.translator = translator;
    }

    /**
     * The full query, or null when nothing should match: with no positive part and no filter
     * there is nothing to look for (an exclusion alone would match almost every page).
     */
    Query restrict(Query positive, UserQuery query, List<UserQuery.Filter> requestFilters) {
        List<UserQuery.Filter> filters = new ArrayList<>(query.filters());
        filters.addAll(requestFilters);
        boolean anyFilter = filters.stream().anyMatch(f -> !f.excluded());
        if (positive == null && !anyFilter) {
            return null;
        }
        BooleanQuery.Builder result = new BooleanQuery.Builder();
        if (positive != null) {
            result.add(positive, Occur.MUST);
        }
        for (UserQuery.Filter filter : filters) {
            Query term = new TermQuery(new Term(PageFields.filterField(filter.dimension()), filter.value()));
            result.add(term, filter.excluded() ? Occur.MUST_NOT : Occur.FILTER);
        }
        for (String word : query.excludedWords()) {
            Query q = translator.word(word);
            if (q != null) {
                result.add(q, Occur.MUST_NOT);
            }
        }
        for (String phrase : query.excludedPhrases()) {
            Query q = translator.phrase(phrase);
            if (q != null) {
                result.add(q, Occur.MUST_NOT);
            }
        }
        return result.build();
    }

    /** The request's own filters (the facet links a visitor clicked), normalised like the index. */
    static List<UserQuery.Filter> requestFilters(java.util.Optional<String> tag, java.util.Optional<String> audience,
            java.util.Optional<String> type) {
        List<UserQuery.Filter> filters = new ArrayList<>(3);
        add(filters, PageFields.TAGS_DIM, tag);
        add(filters, PageFields.AUDIENCE_DIM, audience);
        add(filters, PageFields.TYPE_DIM, type);
        return filters;
    }

    private static void add(List<UserQuery.Filter> filters, String dimension, java.util.Optional<String> value) {
        value.map(PageDocument::facetValue).filter(v -> !v.isEmpty())
                .ifPresent(v -> filters.add(new UserQuery.Filter(dimension, v, false)));
    }
}
