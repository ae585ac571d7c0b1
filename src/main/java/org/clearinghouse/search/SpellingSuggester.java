package org.clearinghouse.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": for each word of the query that does not occur in any page, the closest word
 * that does, and the query rewritten with those corrections. Words come from the unstemmed
 * {@code spell} field, so a suggestion is a word as people write it ("scholarships"), never a
 * stem such as "scholarship" cut down to "scholarship" or "recruiting" to "recruit".
 * Thread-safe: the spell checker, which has mutable settings, is made per call.
 */
final class SpellingSuggester {
    /** Words longer than this are not words a person misspelt; they are not corrected. */
    static final int MAX_WORD_LENGTH = 40;
    /** Words corrected at most per query. */
    private static final int MAX_WORDS = 8;

    private final Analyzer analyzer;

    SpellingSuggester(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * The words of {@code query} (as typed) that no page contains, at most {@value #MAX_WORDS};
     * stop words and words too long to be typos are never counted.
     */
    Set<String> unknownWords(UserQuery query, IndexReader reader) throws IOException {
        Set<String> unknown = new LinkedHashSet<>();
        for (String word : query.words()) {
            if (unknown.size() >= MAX_WORDS) {
                break;
            }
            if (TermAnalysis.terms(analyzer, PageFields.BODY, word).isEmpty()) {
                continue; // a stop word or punctuation: nothing to correct
            }
            for (String term : TermAnalysis.terms(analyzer, PageFields.SPELL, word)) {
                if (term.length() <= MAX_WORD_LENGTH && reader.docFreq(new Term(PageFields.SPELL, term)) == 0) {
                    unknown.add(word);
                    break;
                }
            }
        }
        return unknown;
    }

    /**
     * The query with each of {@code unknown} replaced by the closest indexed word, or empty when
     * none has a close match.
     */
    Optional<String> suggest(UserQuery query, Set<String> unknown, IndexReader reader) throws IOException {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxQueryLength(MAX_WORD_LENGTH);
        Map<String, String> corrections = new HashMap<>();
        for (String word : unknown) {
            List<String> terms = TermAnalysis.terms(analyzer, PageFields.SPELL, word);
            if (terms.size() != 1) {
                continue; // "e-mail" is two terms: correcting half a word reads badly
            }
            SuggestWord[] best = checker.suggestSimilar(new Term(PageFields.SPELL, terms.get(0)), 1, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (best.length > 0) {
                corrections.put(word, best[0].string);
            }
        }
        return corrections.isEmpty() ? Optional.empty() : Optional.of(query.render(corrections));
    }
}
