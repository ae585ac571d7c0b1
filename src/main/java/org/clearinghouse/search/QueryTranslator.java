package org.clearinghouse.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BlendedTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns the positive parts of a {@link UserQuery} (words, phrases, prefixes) into Lucene
 * queries over title, headings and body, in one of the passes {@link PageSearcher} runs: all
 * parts required, any part, or with misspelt words loosened to the indexed words near them.
 * Filters and exclusions are added by {@link QueryRestrictions}. Every query built here has a
 * bounded number of clauses: prefixes and near words expand to at most {@value #MAX_EXPANSIONS}
 * terms per field. Thread-safe (the Lucene {@link QueryBuilder} is never reconfigured after
 * construction).
 */
final class QueryTranslator {
    /** How the parts are combined. */
    enum Mode { ALL, ANY }

    /** Terms one prefix or fuzzy word may expand to, per field: keeps the clause count bounded. */
    static final int MAX_EXPANSIONS = 32;
    /** A quoted phrase says exactly what the visitor wants: it counts for more than loose words. */
    static final float PHRASE_BOOST = 2f;
    /** Pages where the typed words stand close together rank above pages that scatter them. */
    static final float PROXIMITY_BOOST = 1.5f;
    static final int PROXIMITY_SLOP = 3;
    /** Near words are guesses: they rank below anything matched as typed. */
    static final float FUZZY_BOOST = 0.5f;
    /** A dismax tie-breaker: a word in title and body scores a bit more than in the title only. */
    private static final float TIE_BREAKER = 0.1f;

    private final QueryBuilder builder;
    private final Analyzer analyzer;

    QueryTranslator(Analyzer analyzer) {
        this.analyzer = analyzer;
        this.builder = new QueryBuilder(analyzer);
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** The words, phrases and prefixes combined by {@code mode}; null when nothing is searchable. */
    Query positive(UserQuery query, Mode mode) {
        return positive(query, mode, Map.of());
    }

    /**
     * As {@link #positive(UserQuery, Mode)}, but each word in {@code misspelt} (keyed as typed)
     * also matches the indexed words near it: the typo pass. The other words still count as typed, so
     * "scholarsips state" finds pages with a scholarship and "state", not every page near either.
     */
    Query positive(UserQuery query, Mode mode, Map<String, NearWords> misspelt) {
        Occur occur = mode == Mode.ALL ? Occur.MUST : Occur.SHOULD;
        BooleanQuery.Builder result = new BooleanQuery.Builder();
        int clauses = 0;
        List<String> analysedWords = new ArrayList<>();
        for (String word : query.words()) {
            Query q = word(word);
            Query typo = q != null && misspelt.containsKey(word) ? fuzzyWord(misspelt.get(word)) : null;
            if (typo != null) {
                q = new DisjunctionMaxQuery(List.of(q, typo), TIE_BREAKER);
            }
            if (q != null) {
                result.add(q, occur);
                analysedWords.add(word);
                clauses++;
            }
        }
        for (String phrase : query.phrases()) {
            Query q = phrase(phrase);
            if (q != null) {
                result.add(new BoostQuery(q, PHRASE_BOOST), occur);
                clauses++;
            }
        }
        for (String prefix : query.prefixes()) {
            result.add(prefix(prefix), occur);
            clauses++;
        }
        if (clauses == 0) {
            return null;
        }
        if (mode == Mode.ALL && analysedWords.size() > 1) {
            Query near = proximity(String.join(" ", analysedWords));
            if (near != null) {
                result.add(new BoostQuery(near, PROXIMITY_BOOST), Occur.SHOULD);
            }
        }
        return result.build();
    }

    /** How many positive parts survive analysis: an ANY pass only differs from ALL with two or more. */
    int positiveCount(UserQuery query) {
        int count = query.prefixes().size();
        count += (int) query.words().stream().filter(w -> word(w) != null).count();
        count += (int) query.phrases().stream().filter(p -> phrase(p) != null).count();
        return count;
    }

    /**
     * The words near a misspelt word in titles and text, ranked below exact matches; null when
     * none of its terms is worth guessing at. Each term matches any of its near words, scored as
     * Lucene's fuzzy query scores them (closer words and title words count for more, and a rare
     * near word is not favoured for being rare), at most {@value #MAX_EXPANSIONS} per field.
     */
    Query fuzzyWord(NearWords near) {
        BooleanQuery.Builder result = new BooleanQuery.Builder();
        int count = 0;
        for (NearWords.Term term : near.terms()) {
            List<Query> fields = List.of(
                    new BoostQuery(nearTerms(PageFields.TITLE_WORDS, term), PageFields.TITLE_BOOST),
                    nearTerms(PageFields.SPELL, term));
            result.add(new DisjunctionMaxQuery(fields, TIE_BREAKER), Occur.MUST);
            count++;
        }
        return count == 0 ? null : new BoostQuery(result.build(), FUZZY_BOOST);
    }

    /** A word in title, headings or body, each field with its boost; null when analysis leaves nothing. */
    Query word(String word) {
        return acrossFields(field -> builder.createBooleanQuery(field, word, Occur.MUST));
    }

    /** The words of {@code phrase} in order in title, headings or body; null when analysis leaves nothing. */
    Query phrase(String phrase) {
        return acrossFields(field -> builder.createPhraseQuery(field, phrase));
    }

    /**
     * Unstemmed words starting with {@code prefix}: stemmed terms would miss "recruiting*" (the
     * index holds "recruit"). Expansion keeps the best {@value #MAX_EXPANSIONS} terms per field.
     */
    Query prefix(String prefix) {
        List<Query> fields = List.of(
                new BoostQuery(prefixTerm(PageFields.TITLE_WORDS, prefix), PageFields.TITLE_BOOST),
                prefixTerm(PageFields.SPELL, prefix));
        return new DisjunctionMaxQuery(fields, TIE_BREAKER);
    }

    private Query proximity(String words) {
        return acrossFields(field -> field.equals(PageFields.HEADINGS)
                ? null : builder.createPhraseQuery(field, words, PROXIMITY_SLOP));
    }

    private Query acrossFields(Function<String, Query> perField) {
        List<Query> fields = new ArrayList<>(3);
        add(fields, perField.apply(PageFields.TITLE), PageFields.TITLE_BOOST);
        add(fields, perField.apply(PageFields.HEADINGS), PageFields.HEADINGS_BOOST);
        add(fields, perField.apply(PageFields.BODY), PageFields.BODY_BOOST);
        return fields.isEmpty() ? null : new DisjunctionMaxQuery(fields, TIE_BREAKER);
    }

    private static void add(List<Query> fields, Query query, float boost) {
        if (query != null) {
            fields.add(boost == 1f ? query : new BoostQuery(query, boost));
        }
    }

    private static Query prefixTerm(String field, String prefix) {
        return new PrefixQuery(new Term(field, prefix),
                new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(MAX_EXPANSIONS));
    }

    private static Query nearTerms(String field, NearWords.Term term) {
        List<NearWords.Candidate> expansion = NearWords.expansion(term, field, MAX_EXPANSIONS);
        if (expansion.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        // What FuzzyQuery rewrites to: document frequencies blended, so a rare misspelling
        // in the index does not outrank the common word it is a misspelling of.
        BlendedTermQuery.Builder blended = new BlendedTermQuery.Builder()
                .setRewriteMethod(BlendedTermQuery.BOOLEAN_REWRITE);
        for (NearWords.Candidate candidate : expansion) {
            blended.add(new Term(field, candidate.term()), candidate.similarity());
        }
        return blended.build();
    }
}
