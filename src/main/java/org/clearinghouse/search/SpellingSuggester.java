package org.clearinghouse.search;

import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * "Did you mean": for each word of the query that does not occur in any page, the closest word
 * that does, and the query rewritten with those corrections. Words come from the unstemmed
 * {@code spell} field, so a suggestion is a word as people write it ("scholarships"), never a
 * stem such as "scholarship" cut down to "scholarship" or "recruiting" to "recruit". The
 * candidates are the {@link NearWords} the typo pass found, so the index is searched for near
 * words once per query, not once for the search and again for the suggestion. Thread-safe.
 */
final class SpellingSuggester {
    /** Words longer than this are not words a person misspelt; they are not corrected. */
    static final int MAX_WORD_LENGTH = 40;
    /** The order a spell checker ranks corrections in: similarity, then pages, then the word. */
    private static final Comparator<NearWords.Candidate> CLOSEST =
            Comparator.comparingDouble(NearWords.Candidate::similarity).reversed()
                    .thenComparing(Comparator.comparingInt(NearWords.Candidate::docFreq).reversed())
                    .thenComparing(NearWords.Candidate::text);
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
     * The query with each misspelt word (keyed as typed) replaced by the closest indexed word, or
     * empty when none has a close match. Closest: fewest edits for its length, then in the most
     * pages, then first in alphabetical order.
     */
    Optional<String> suggest(UserQuery query, Map<String, NearWords> misspelt) {
        Map<String, String> corrections = new HashMap<>();
        for (Map.Entry<String, NearWords> word : misspelt.entrySet()) {
            word.getValue().corrections().stream().min(CLOSEST)
                    .ifPresent(best -> corrections.put(word.getKey(), best.text()));
        }
        return corrections.isEmpty() ? Optional.empty() : Optional.of(query.render(corrections));
    }
}
