package org.clearinghouse.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * One run of a query: the exact number of matching pages, the requested window of them in
 * order, and the whole matching set for facet counting (collected in the same pass). Immutable
 * once built.
 *
 * @param total    every matching page, counted exactly (facets need every hit anyway)
 * @param window   the hits in {@code [offset, offset + limit)}
 * @param matching all matching documents, for facet counts
 */
record ResultWindow(long total, ScoreDoc[] window, FacetsCollector matching) {
    /** Relevance first; between equally relevant pages, the most recently changed first. */
    static final Sort RANKED =
            new Sort(SortField.FIELD_SCORE, new SortField(PageFields.UPDATED, SortField.Type.LONG, true));
    /** Browsing: by title, then most recent first. */
    static final Sort BY_TITLE = new Sort(new SortField(PageFields.TITLE_SORT, SortField.Type.STRING),
            new SortField(PageFields.UPDATED, SortField.Type.LONG, true));

    /** Runs {@code query} and keeps hits {@code [offset, offset + limit)} in {@code sort} order. */
    static ResultWindow collect(IndexSearcher searcher, Query query, Sort sort, int offset, int limit)
            throws IOException {
        int wanted = offset + limit;
        // Integer.MAX_VALUE as the threshold: count every hit exactly, never "10,000+".
        TopFieldCollectorManager top = new TopFieldCollectorManager(sort, wanted, null, Integer.MAX_VALUE);
        FacetsCollectorManager facets = new FacetsCollectorManager();
        Object[] results = searcher.search(query, new MultiCollectorManager(top, facets));
        TopFieldDocs docs = (TopFieldDocs) results[0];
        ScoreDoc[] all = docs.scoreDocs;
        ScoreDoc[] window = Arrays.copyOfRange(all, Math.min(offset, all.length), all.length);
        return new ResultWindow(docs.totalHits.value, window, (FacetsCollector) results[1]);
    }

    /** The relevance score of a hit sorted by {@link #RANKED}; 0 for unranked hits. */
    static float score(ScoreDoc hit) {
        if (hit instanceof FieldDoc field && field.fields.length > 0 && field.fields[0] instanceof Float score) {
            return score;
        }
        return Float.isNaN(hit.score) ? 0f : hit.score;
    }
}
