package org.clearinghouse.search;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds the query the highlighter marks in the body. The search itself matches prefixes and typos
 * in unstemmed fields ({@code spell}, {@code title_words}) that the body's stemmed terms cannot
 * be compared with, so those are expanded here to the words they really matched in the index (for
 * typos, the near words the search used) and each is stemmed the way the body was. Excluded words are left out: they never match a hit.
 * Thread-safe.
 */
final class HighlightQuery {
    /** Expanded words marked at most: more would only slow the highlighter down. */
    private static final int MAX_TERMS = 256;

    private final QueryTranslator translator;
    private final QueryBuilder builder;

    HighlightQuery(QueryTranslator translator) {
        this.translator = translator;
        this.builder = new QueryBuilder(translator.analyzer());
    }

    /**
     * The body query for {@code query}, with the near words of {@code misspelt} (those the typo
     * pass searched for) when one ran; null when there is nothing to mark.
     */
    Query build(UserQuery query, Map<String, NearWords> misspelt, IndexSearcher searcher) throws IOException {
        Set<String> stems = new LinkedHashSet<>();
        for (String word : query.words()) {
            stems.addAll(TermAnalysis.terms(translator.analyzer(), PageFields.BODY, word));
        }
        for (String prefix : query.prefixes()) {
            addExpanded(stems, translator.prefix(prefix), searcher);
        }
        for (NearWords near : misspelt.values()) {
            addNear(stems, near);
        }
        BooleanQuery.Builder result = new BooleanQuery.Builder();
        int clauses = 0;
        for (String stem : stems) {
            if (clauses++ >= MAX_TERMS) {
                break;
            }
            result.add(new TermQuery(new Term(PageFields.BODY, stem)), Occur.SHOULD);
        }
        for (String phrase : query.phrases()) {
            Query q = builder.createPhraseQuery(PageFields.BODY, phrase);
            if (q != null) {
                result.add(q, Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : result.build();
    }

    /** Adds the body stems of the near words the typo pass searches for. */
    private void addNear(Set<String> stems, NearWords near) {
        for (NearWords.Term term : near.terms()) {
            for (String field : List.of(PageFields.TITLE_WORDS, PageFields.SPELL)) {
                for (NearWords.Candidate candidate : NearWords.expansion(term, field, QueryTranslator.MAX_EXPANSIONS)) {
                    if (stems.size() >= MAX_TERMS) {
                        return;
                    }
                    stems.addAll(TermAnalysis.terms(translator.analyzer(), PageFields.BODY, candidate.text()));
                }
            }
        }
    }

    /** Adds the body stems of the words {@code expanding} really matches in this index. */
    private void addExpanded(Set<String> stems, Query expanding, IndexSearcher searcher) throws IOException {
        Set<Term> terms = new HashSet<>();
        searcher.rewrite(expanding).visit(QueryVisitor.termCollector(terms));
        for (Term term : terms) {
            if (stems.size() >= MAX_TERMS) {
                return;
            }
            stems.addAll(TermAnalysis.terms(translator.analyzer(), PageFields.BODY, term.text()));
        }
    }
}
