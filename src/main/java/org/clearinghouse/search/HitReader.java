package org.clearinghouse.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * Reads the stored fields of a window of hits into {@link SearchHit}s. The body, the largest
 * stored field, is read only for hits that need it (no highlighted passage and no summary).
 * Stateless; thread-safe.
 */
final class HitReader {
    private static final Set<String> SHOWN = Set.of(PageFields.PATH, PageFields.TITLE, PageFields.SUMMARY,
            PageFields.TAGS_STORED, PageFields.TYPE_STORED);
    private static final Set<String> BODY = Set.of(PageFields.BODY);

    private HitReader() {}

    /**
     * The hits of {@code window} in order; {@code highlights[i]} is the marked passage of
     * {@code window[i]}, or null to fall back to the summary or the start of the body.
     */
    static List<SearchHit> read(IndexSearcher searcher, ScoreDoc[] window, String[] highlights) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(window.length);
        for (int i = 0; i < window.length; i++) {
            Document doc = stored.document(window[i].doc, SHOWN);
            String summary = orEmpty(doc.get(PageFields.SUMMARY));
            String snippet = highlights[i];
            if (snippet == null || snippet.isBlank()) {
                String body = summary.isBlank()
                        ? orEmpty(stored.document(window[i].doc, BODY).get(PageFields.BODY)) : "";
                snippet = Snippets.fallback(summary, body);
            }
            hits.add(new SearchHit(doc.get(PageFields.PATH), orEmpty(doc.get(PageFields.TITLE)), snippet,
                    ResultWindow.score(window[i]), Arrays.asList(doc.getValues(PageFields.TAGS_STORED)), summary,
                    Optional.ofNullable(doc.get(PageFields.TYPE_STORED))));
        }
        return hits;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
