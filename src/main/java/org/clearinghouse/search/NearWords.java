package org.clearinghouse.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * The indexed words a few edits away from one word that no page contains: what the typo pass
 * searches for, what the highlighter marks, and where "Did you mean" takes its correction from.
 * Building a Levenshtein automaton is the costly part of a typo search, so one automaton is built
 * per term of the word and run over both the title words and the spelling field, instead of one
 * per field, per edit distance and per use. Edit distances count a swap of two neighbouring
 * letters as one edit, and the first letter must match (typos rarely hit it, and it cuts the
 * terms to scan a lot). Immutable once found.
 */
final class NearWords {
    /** Terms of one word looked at ("e-mail" is two): keeps the typo pass bounded. */
    static final int MAX_TERMS = 8;
    /** Shorter terms are not guessed at: every short word is near too many others. */
    static final int MIN_TYPO_LENGTH = 3;
    /** Shorter words get no correction: one letter off a three-letter word is another word. */
    static final int MIN_CORRECTION_LENGTH = 4;
    /** Edits allowed when correcting, whatever the length: a suggestion is only offered, not searched. */
    static final int CORRECTION_EDITS = 2;
    /** A correction must keep at least this share of the shorter word's letters. */
    static final float MIN_CORRECTION_SIMILARITY = 0.5f;
    /** Letters that must match exactly at the start. */
    private static final int PREFIX_LENGTH = 1;

    /** Near words first by similarity, then in index order (the order a Lucene rewrite keeps). */
    static final Comparator<Candidate> BEST_FIRST =
            Comparator.comparingDouble(Candidate::similarity).reversed().thenComparing(Candidate::term);

    /**
     * An indexed term near a searched one.
     *
     * @param term       the term as indexed
     * @param edits      edits from the searched term
     * @param similarity 1 − edits / (the shorter one's length), as Lucene's fuzzy query scores it
     * @param docFreq    pages holding the term
     */
    record Candidate(BytesRef term, int edits, float similarity, int docFreq) {
        String text() {
            return term.utf8ToString();
        }
    }

    /**
     * One term of the word and what is near it.
     *
     * @param text       the term as analysed for the spelling field
     * @param typoEdits  edits the typo pass allows: one up to five letters, else two
     * @param titleWords near terms of the title words, within {@code typoEdits}
     * @param spelling   near terms of the spelling field, within the larger of {@code typoEdits}
     *                   and {@link #CORRECTION_EDITS} when the word may be corrected
     */
    record Term(String text, int typoEdits, List<Candidate> titleWords, List<Candidate> spelling) {}

    private final List<Term> terms;
    private final boolean correctable;

    private NearWords(List<Term> terms, boolean correctable) {
        this.terms = List.copyOf(terms);
        this.correctable = correctable;
    }

    /** The terms of {@code word} worth guessing at, each with the indexed words near it. */
    static NearWords find(Analyzer analyzer, IndexReader reader, String word) throws IOException {
        List<String> analysed = TermAnalysis.terms(analyzer, PageFields.SPELL, word);
        boolean correctable = analysed.size() == 1; // correcting half of "e-mail" reads badly
        Terms titleTerms = MultiTerms.getTerms(reader, PageFields.TITLE_WORDS);
        Terms spellTerms = MultiTerms.getTerms(reader, PageFields.SPELL);
        List<Term> near = new ArrayList<>();
        for (String token : analysed) {
            int length = token.codePointCount(0, token.length());
            if (length < MIN_TYPO_LENGTH || length > SpellingSuggester.MAX_WORD_LENGTH || near.size() >= MAX_TERMS) {
                continue;
            }
            // Two edits turn short words into half the dictionary: one edit up to five letters.
            int typoEdits = length <= 5 ? 1 : 2;
            int edits = correctable && length >= MIN_CORRECTION_LENGTH
                    ? Math.max(typoEdits, CORRECTION_EDITS) : typoEdits;
            int[] codePoints = token.codePoints().toArray();
            CompiledAutomaton automaton = automaton(codePoints, edits);
            near.add(new Term(token, typoEdits, collect(titleTerms, automaton, codePoints, typoEdits),
                    collect(spellTerms, automaton, codePoints, edits)));
        }
        return new NearWords(near, correctable);
    }

    /** The terms of the word worth guessing at, at most {@value #MAX_TERMS}; empty when none is. */
    List<Term> terms() {
        return terms;
    }

    /**
     * The best {@code limit} near words of {@code term} in {@code field} within its typo edits,
     * in index order: the expansion of that term in the typo pass.
     */
    static List<Candidate> expansion(Term term, String field, int limit) {
        List<Candidate> all = field.equals(PageFields.TITLE_WORDS) ? term.titleWords() : term.spelling();
        return all.stream().filter(c -> c.edits() <= term.typoEdits())
                .sorted(BEST_FIRST).limit(limit).sorted(Comparator.comparing(Candidate::term)).toList();
    }

    /**
     * The word's correction candidates: other indexed words within {@link #CORRECTION_EDITS}
     * edits and similar enough; empty when the word is too short or is several terms.
     */
    List<Candidate> corrections() {
        if (!correctable || terms.isEmpty()) {
            return List.of();
        }
        Term only = terms.get(0);
        if (only.text().codePointCount(0, only.text().length()) < MIN_CORRECTION_LENGTH) {
            return List.of();
        }
        return only.spelling().stream()
                .filter(c -> c.edits() > 0 && c.docFreq() > 0 && c.similarity() >= MIN_CORRECTION_SIMILARITY)
                .toList();
    }

    private static CompiledAutomaton automaton(int[] codePoints, int edits) {
        int prefix = Math.min(PREFIX_LENGTH, codePoints.length);
        int[] suffix = Arrays.copyOfRange(codePoints, prefix, codePoints.length);
        LevenshteinAutomata lev = new LevenshteinAutomata(suffix, Character.MAX_CODE_POINT, true);
        return new CompiledAutomaton(lev.toAutomaton(edits, UnicodeUtil.newString(codePoints, 0, prefix)), true, false);
    }

    private static List<Candidate> collect(Terms terms, CompiledAutomaton automaton, int[] searched, int maxEdits)
            throws IOException {
        List<Candidate> found = new ArrayList<>();
        if (terms == null) {
            return found;
        }
        TermsEnum matching = automaton.getTermsEnum(terms);
        for (BytesRef term = matching.next(); term != null; term = matching.next()) {
            int[] candidate = codePoints(term);
            int edits = EditDistance.between(searched, candidate, PREFIX_LENGTH);
            if (edits > maxEdits) {
                continue;
            }
            float similarity = edits == 0 ? 1f : 1f - (float) edits / Math.min(candidate.length, searched.length);
            found.add(new Candidate(BytesRef.deepCopyOf(term), edits, similarity, matching.docFreq()));
        }
        return found;
    }

    private static int[] codePoints(BytesRef utf8) {
        int[] out = new int[utf8.length];
        int count = UnicodeUtil.UTF8toUTF32(utf8, out);
        return Arrays.copyOf(out, count);
    }
}
