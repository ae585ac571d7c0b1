package org.clearinghouse.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
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
 * built per call, bound to the searcher of that call and to the bodies already read for it.
 */
final class Snippets {
    /** The passage length aimed at, in characters. */
    static final int TARGET_CHARS = 200;
    /** How much of a body the highlighter reads: matches further in fall back to the summary. */
    private static final int MAX_ANALYSED_CHARS = 100_000;

    private static final PassageRanker RANKER = new PassageRanker();

    private final Analyzer analyzer;
    private final MarkFormatter formatter = new MarkFormatter();

    Snippets(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * The highlighted passage of each document in {@code docs}, in order, from its body as
     * already read ({@code bodies[i]}, null for none); null entries where nothing matched (or
     * when {@code bodyQuery} is null).
     */
    String[] highlight(PageIndexSearcher searcher, Query bodyQuery, ScoreDoc[] docs, String[] bodies)
            throws IOException {
        if (bodyQuery == null || docs.length == 0) {
            return new String[docs.length];
        }
        UnifiedHighlighter.Builder settings = new UnifiedHighlighter.Builder(searcher, analyzer)
                .withFormatter(formatter)
                .withScorer(RANKER)
                .withMaxLength(MAX_ANALYSED_CHARS)
                // Passages of about TARGET_CHARS, the match roughly in the middle, cut at words.
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getWordInstance(Locale.ROOT), TARGET_CHARS, 0.4f))
                .withMaxNoHighlightPassages(0);
        Map<Integer, String> byDoc = new HashMap<>();
        for (int i = 0; i < docs.length; i++) {
            if (bodies[i] != null) {
                byDoc.put(docs[i].doc, bodies[i]);
            }
        }
        UnifiedHighlighter highlighter =
                new BodyHighlighter(settings, byDoc, MAX_ANALYSED_CHARS, searcher.bodyFieldInfo());
        TopDocs window = new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs);
        return highlighter.highlight(PageFields.BODY, bodyQuery, window, 1);
    }

    /** The text shown when the body has no matching passage: the summary, else the body's start. */
    static String fallback(String summary, String body) {
        String text = summary == null || summary.isBlank() ? body : summary;
        if (text == null || text.isBlank()) {
            return "";
        }
        // Only the start is shown: collapse a prefix long enough to hold it, not a whole long page.
        String collapsed = text.substring(0, shownPrefixEnd(text)).strip().replaceAll("\\s+", " ");
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

    /**
     * The end of the shortest start of {@code text} holding {@link #TARGET_CHARS} + 2 characters
     * that are not white space (or the whole text): collapsed, it is the whole text collapsed, or
     * at least its first TARGET_CHARS + 2 characters, which is all {@link #fallback} looks at.
     */
    private static int shownPrefixEnd(String text) {
        int seen = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i)) && ++seen >= TARGET_CHARS + 2) {
                return i + 1;
            }
        }
        return text.length();
    }
}
