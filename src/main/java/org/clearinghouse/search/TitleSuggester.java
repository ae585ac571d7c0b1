package org.clearinghouse.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Search-as-you-type: the titles with a word starting with what was typed (earlier typed words
 * must appear whole). Titles that begin with the typed text come first, then shorter titles,
 * then alphabetical order. The work is bounded: the prefix expands to at most
 * {@value #MAX_EXPANSIONS} title words and at most {@value #MAX_CANDIDATES} titles are ranked.
 * Thread-safe.
 */
final class TitleSuggester {
    static final int MAX_LIMIT = 20;
    private static final int MAX_EXPANSIONS = 128;
    private static final int MAX_CANDIDATES = 200;
    private static final int MAX_WORDS = 8;
    private static final Set<String> LOADED = Set.of(PageFields.PATH, PageFields.TITLE);

    private final Analyzer analyzer;

    TitleSuggester(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    List<TitleSuggestion> suggest(IndexSearcher searcher, String typed, int limit) throws IOException {
        String text = UserQueryParser.clean(typed).toLowerCase(Locale.ROOT);
        List<String> words = TermAnalysis.terms(analyzer, PageFields.TITLE_WORDS, text);
        if (words.isEmpty()) {
            return List.of();
        }
        int last = words.size() - 1;
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String word : words.subList(Math.max(0, last - MAX_WORDS), last)) {
            query.add(new TermQuery(new Term(PageFields.TITLE_WORDS, word)), Occur.MUST);
        }
        query.add(new PrefixQuery(new Term(PageFields.TITLE_WORDS, words.get(last)),
                new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(MAX_EXPANSIONS)), Occur.MUST);
        ScoreDoc[] candidates = searcher.search(query.build(), MAX_CANDIDATES).scoreDocs;
        StoredFields stored = searcher.storedFields();
        List<TitleSuggestion> titles = new ArrayList<>(candidates.length);
        for (ScoreDoc candidate : candidates) {
            Document doc = stored.document(candidate.doc, LOADED);
            titles.add(new TitleSuggestion(doc.get(PageFields.PATH), doc.get(PageFields.TITLE)));
        }
        titles.sort(bestFirst(text));
        return List.copyOf(titles.subList(0, Math.min(Math.max(1, Math.min(limit, MAX_LIMIT)), titles.size())));
    }

    private static Comparator<TitleSuggestion> bestFirst(String typed) {
        Comparator<TitleSuggestion> startsWithTyped = Comparator.comparing(
                s -> !s.title().toLowerCase(Locale.ROOT).startsWith(typed));
        return startsWithTyped
                .thenComparingInt(s -> s.title().length())
                .thenComparing(s -> s.title().toLowerCase(Locale.ROOT))
                .thenComparing(TitleSuggestion::path);
    }
}
