package org.clearinghouse.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Runs text through a field's analysis and returns the terms, as the index would hold them: the
 * spell checker, the fuzzy pass and the highlighter need single terms rather than queries.
 * Stateless; thread-safe (Lucene analyzers hand each thread its own token stream).
 */
final class TermAnalysis {
    /** Terms returned at most: the input is a query word or a short text, never a page. */
    private static final int MAX_TERMS = 64;

    private TermAnalysis() {}

    /** The terms of {@code text} as analysed for {@code field}, in order, at most {@value #MAX_TERMS}. */
    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_TERMS) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            // Analysing a String reads no file: an IOException here is a bug, not a condition.
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
