package org.clearinghouse.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Answers searches and browsing over one view of the index. A search runs in passes, each only
 * when the previous one found little: every part required; then any part (when no page has all);
 * then typos (when fewer than {@value #FEW_HITS} pages matched, the words no page contains also
 * match indexed words a few edits away, ranked below exact matches). "Did you mean" is offered
 * when the query as typed matched fewer than {@value #FEW_HITS} pages and some of its words are
 * in no page. Thread-safe.
 */
final class PageSearcher {
    /** Below this many hits a result looks like a typo or a too-narrow query. */
    static final int FEW_HITS = 3;

    private final QueryTranslator translator;
    private final QueryRestrictions restrictions;
    private final HighlightQuery highlightQuery;
    private final Snippets snippets;
    private final SpellingSuggester spelling;

    PageSearcher(Analyzer analyzer) {
        this.translator = new QueryTranslator(analyzer);
        this.restrictions = new QueryRestrictions(translator);
        this.highlightQuery = new HighlightQuery(translator);
        this.snippets = new Snippets(analyzer);
        this.spelling = new SpellingSuggester(analyzer);
    }

    /** Runs {@code request}; never fails on what the visitor typed. */
    SearchResults search(PageIndexSearcher searcher, SearchRequest request) throws IOException {
        UserQuery query = UserQueryParser.parse(request.query());
        List<UserQuery.Filter> filters =
                QueryRestrictions.requestFilters(request.tag(), request.audience(), request.type());
        try {
            return run(searcher, request, query, filters, true);
        } catch (IndexSearcher.TooManyClauses e) {
            // Prefixes and typos expanded past Lucene's clause limit: search as typed, unexpanded.
            UserQuery plain = new UserQuery(query.parts().stream()
                    .map(p -> p instanceof UserQuery.Prefix prefix ? new UserQuery.Word(prefix.text(), false) : p)
                    .toList());
            try {
                return run(searcher, request, plain, filters, false);
            } catch (IndexSearcher.TooManyClauses again) {
                return SearchResults.empty();
            }
        }
    }

    private SearchResults run(PageIndexSearcher searcher, SearchRequest request, UserQuery query,
            List<UserQuery.Filter> filters, boolean expand) throws IOException {
        Query positive = translator.positive(query, QueryTranslator.Mode.ALL);
        Query full = restrictions.restrict(positive, query, filters);
        if (full == null) {
            return SearchResults.empty();
        }
        ResultWindow result =
                ResultWindow.collect(searcher, full, ResultWindow.RANKED, request.offset(), request.limit());
        long asTyped = result.total();
        QueryTranslator.Mode mode = QueryTranslator.Mode.ALL;
        if (result.total() == 0 && translator.positiveCount(query) > 1) {
            mode = QueryTranslator.Mode.ANY;
            positive = translator.positive(query, mode);
            result = ResultWindow.collect(searcher, restrictions.restrict(positive, query, filters),
                    ResultWindow.RANKED, request.offset(), request.limit());
        }
        // Words no page contains are likely typos: loosen them when the query found little.
        Map<String, NearWords> misspelt = asTyped < FEW_HITS ? nearWords(query, searcher) : Map.of();
        Map<String, NearWords> loosened = Map.of();
        if (expand && result.total() < FEW_HITS && !misspelt.isEmpty()) {
            loosened = misspelt;
            positive = translator.positive(query, mode, loosened);
            result = ResultWindow.collect(searcher, restrictions.restrict(positive, query, filters),
                    ResultWindow.RANKED, request.offset(), request.limit());
        }
        Optional<String> suggestion = misspelt.isEmpty() ? Optional.empty() : spelling.suggest(query, misspelt);
        Query marked = highlightQuery.build(query, loosened, searcher);
        Document[] docs = HitReader.load(searcher, result.window(), marked != null);
        String[] highlights = snippets.highlight(searcher, marked, result.window(), HitReader.bodies(docs));
        return new SearchResults(result.total(), HitReader.read(searcher, result.window(), docs, highlights),
                FacetCounter.count(searcher.facets(), result.matching()), suggestion);
    }

    /** The words of {@code query} no page contains, each with the indexed words near it. */
    private Map<String, NearWords> nearWords(UserQuery query, PageIndexSearcher searcher) throws IOException {
        Map<String, NearWords> near = new LinkedHashMap<>();
        for (String word : spelling.unknownWords(query, searcher.getIndexReader())) {
            near.put(word, NearWords.find(translator.analyzer(), searcher.getIndexReader(), word));
        }
        return near;
    }

    /** Every page matching the filters, in title order, with facets; no query, no ranking. */
    SearchResults browse(PageIndexSearcher searcher, List<UserQuery.Filter> filters, int limit, int offset)
            throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(new MatchAllDocsQuery(), Occur.MUST);
        for (UserQuery.Filter filter : filters) {
            query.add(new TermQuery(new Term(PageFields.filterField(filter.dimension()), filter.value())),
                    Occur.FILTER);
        }
        ResultWindow result = ResultWindow.collect(searcher, query.build(), ResultWindow.BY_TITLE, offset, limit);
        return new SearchResults(result.total(),
                HitReader.read(searcher, result.window(), HitReader.load(searcher, result.window(), false),
                        new String[result.window().length]),
                FacetCounter.count(searcher.facets(), result.matching()), Optional.empty());
    }
}
