package org.clearinghouse.search;

import java.io.IOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * An {@link IndexSearcher} over one point-in-time view of the index, together with the facet
 * values and the body's field information of that view. Those are costly to gather and valid for
 * exactly one reader, so they are gathered once when the view is opened, by {@link Factory},
 * instead of once per search.
 * Thread-safe, like every IndexSearcher.
 */
final class PageIndexSearcher extends IndexSearcher {
    private final FacetOrdinals facets;
    private final FieldInfo bodyFieldInfo;

    private PageIndexSearcher(IndexReader reader, FacetOrdinals facets) {
        super(reader);
        this.facets = facets;
        this.bodyFieldInfo = FieldInfos.getMergedFieldInfos(reader).fieldInfo(PageFields.BODY);
    }

    /** How the body is indexed in this view (the highlighter asks on every search); null when no page has one. */
    FieldInfo bodyFieldInfo() {
        return bodyFieldInfo;
    }

    /** The facet values of this view. */
    FacetOrdinals facets() {
        return facets;
    }

    /** Builds a {@link PageIndexSearcher} each time the searcher manager opens a new view. */
    static final class Factory extends SearcherFactory {
        private final FacetOrdinals.Cache facets;

        Factory(FacetsConfig facetsConfig) {
            this.facets = new FacetOrdinals.Cache(facetsConfig);
        }

        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
            return new PageIndexSearcher(reader, facets.of(reader));
        }
    }
}
