package org.clearinghouse.search;

import java.io.IOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * An {@link IndexSearcher} over one point-in-time view of the index, together with the facet
 * state of that view. The facet state (an ordinal map across segments) is costly to build and
 * valid for exactly one reader, so it is built once when the view is opened, by {@link Factory},
 * instead of once per search. Thread-safe, like every IndexSearcher.
 */
final class PageIndexSearcher extends IndexSearcher {
    private final SortedSetDocValuesReaderState facetState;

    private PageIndexSearcher(IndexReader reader, SortedSetDocValuesReaderState facetState) {
        super(reader);
        this.facetState = facetState;
    }

    /** The facet state of this view, or null when no page in it has a facet value. */
    SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    /** Builds a {@link PageIndexSearcher} each time the searcher manager opens a new view. */
    static final class Factory extends SearcherFactory {
        private final FacetsConfig facetsConfig;

        Factory(FacetsConfig facetsConfig) {
            this.facetsConfig = facetsConfig;
        }

        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
            return new PageIndexSearcher(reader, facetState(reader));
        }

        private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
            try {
                return new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
            } catch (IllegalArgumentException e) {
                // Thrown when no document has facet doc values yet (an empty or facet-less index).
                return null;
            }
        }
    }
}
