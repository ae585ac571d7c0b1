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
 * Reads the stored fields of a window of hits, and turns them into {@link SearchHit}s. Reading a
 * stored document decompresses its whole block whatever fields are asked for, so each hit is read
 * once: with its body when the body is highlighted, else without it, the body then read only for
 * hits that need it (no highlighted passage and no summary). Stateless; thread-safe.
 */
final class HitReader {
    private static final Set<String> SHOWN = Set.of(PageFields.PATH, PageFields.TITLE, PageFields.SUMMARY,
            PageFields.TAGS_STORED, PageFields.TYPE_STORED);
    private static final Set<String> SHOWN_AND_BODY = Set.of(PageFields.PATH, PageFields.TITLE, PageFields.SUMMARY,
            PageFields.TAGS_STORED, PageFields.TYPE_STORED, PageFields.BODY);
    private static final Set<String> BODY = Set.of(PageFields.BODY);

    private HitReader() {}

    /** The stored fields of each hit of {@code window}, in order; with the body when {@code withBody}. */
    static Document[] load(IndexSearcher searcher, ScoreDoc[] window, boolean withBody) throws IOException {
        StoredFields stored = searcher.storedFields();
        Document[] docs = new Document[window.length];
        for (int i = 0; i < window.length; i++) {
            docs[i] = stored.document(window[i].doc, withBody ? SHOWN_AND_BODY : SHOWN);
        }
        return docs;
    }

    /** The bodies of {@code docs} as loaded (null where the body was not loaded or is empty). */
    static String[] bodies(Document[] docs) {
        String[] bodies = new String[docs.length];
        for (int i = 0; i < docs.length; i++) {
            bodies[i] = docs[i].get(PageFields.BODY);
        }
        return bodies;
    }

    /**
     * The hits of {@code window} in order, from their loaded {@code docs}; {@code highlights[i]}
     * is the marked passage of {@code window[i]}, or null to fall back to the summary or the
     * start of the body.
     */
    static List<SearchHit> read(IndexSearcher searcher, ScoreDoc[] window, Document[] docs, String[] highlights)
            throws IOException {
        StoredFields stored = null;
        List<SearchHit> hits = new ArrayList<>(window.length);
        for (int i = 0; i < window.length; i++) {
            Document doc = docs[i];
            String summary = orEmpty(doc.get(PageFields.SUMMARY));
            String snippet = highlights[i];
            if (snippet == null || snippet.isBlank()) {
                String body = "";
                if (summary.isBlank()) {
                    body = doc.get(PageFields.BODY);
                    if (body == null) { // not loaded (or not stored, for a page with no text)
                        stored = stored == null ? searcher.storedFields() : stored;
                        body = orEmpty(stored.document(window[i].doc, BODY).get(PageFields.BODY));
                    }
                }
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
