package org.clearinghouse.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Makes the snippet of each hit: the best passage of the body around the matched words, marked
 * and escaped by {@link MarkFormatter}; when no passage matches (a title-only match, a filter-only
 * search), the page's summary or the start of its body, escaped. Thread-safe: a highlighter is
 * built per call, bound to the searcher of that call.
 */
final class Snippets {
    /** The passage length aimed at, in characters. */
    static final int TARGET_CHARS = 200;
    /** How much of a body the highlighter reads: matches further in fall back to the summary. */
    private static final int MAX_ANALYSED_CHARS = 100_000;

    private final Analyzer analyzer;
    private final MarkFormatter formatter = new MarkFormatter();

    Snippets(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * The highlighted passage of each document in {@code docs}, in order; null entries where
     * nothing matched (or when {@code bodyQuery} is null).
     */
    String[] highlight(IndexSearcher searcher, Query bodyQuery, ScoreDoc[] docs) throws IOException {
        if (bodyQuery == null || docs.length == 0) {
            return new String[docs.length];
        }
        UnifiedHighlighter highlighter = new UnifiedHighlighter.Builder(searcher, analyzer)
                .withFormatter(formatter)
                .withMaxLength(MAX_ANALYSED_CHARS)
                // Passages of about TARGET_CHARS, the match roughly in the middle, cut at words.
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getWordInstance(Locale.ROOT), TARGET_CHARS, 0.4f))
                .withMaxNoHighlightPassages(0)
                .build();
        TopDocs window = new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs);
        return highlighter.highlight(PageFields.BODY, bodyQuery, window, 1);
    }

    /** The text shown when the body has no matching passage: the summary, else the body's start. */
    static String fallback(String summary, String body) {
        String text = summary == null || summary.isBlank() ? body : summary;
        if (text == null || text.isBlank()) {
            return "";
        }
        String collapsed = text.strip().replaceAll("\\s+", " ");
        if (collapsed.length() <= TARGET_CHARS) {
            return MarkFormatter.escape(collapsed);
        }
        int cut = collapsed.lastIndexOf(' ', TARGET_CHARS);
        int end = cut > TARGET_CHARS / 2 ? cut : TARGET_CHARS;
        if (Character.isHighSurrogate(collapsed.charAt(end - 1))) {
            end--;
        }
        return MarkFormatter.escape(collapsed.substring(0, end)) + MarkFormatter.ELLIPSIS;
    }
}
