package org.clearinghouse.search;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * Turns an {@link IndexedPage} into the Lucene document that represents it, one field at a time,
 * each with the reason it is indexed the way it is. Also owns the normalisation of facet values
 * (shared with the filters, so {@code tag:Career} finds a page tagged {@code career}).
 * Stateless apart from the immutable facets configuration; thread-safe.
 */
final class PageDocument {
    /** Longest facet value kept: values are labels, and doc-values terms have a hard size limit. */
    static final int MAX_VALUE_LENGTH = 100;
    /** Enough of the title to order by; a sort key does not need the whole text. */
    private static final int SORT_KEY_LENGTH = 200;

    /**
     * The body is stored (the highlighter needs the text) and indexed with offsets, so the
     * highlighter reads match positions from the postings instead of re-analysing every hit.
     */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);

    /**
     * Spelling and prefix matches only ask which pages hold a word: no frequencies, positions or
     * length norms to write (and each word of a value comes once, see {@link DistinctWordsFilter}).
     */
    private static final FieldType SPELL_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
        SPELL_TYPE.setIndexOptions(IndexOptions.DOCS);
        SPELL_TYPE.setOmitNorms(true);
        SPELL_TYPE.freeze();
    }

    private final FacetsConfig facetsConfig;

    PageDocument(FacetsConfig facetsConfig) {
        this.facetsConfig = facetsConfig;
    }

    /** The document for {@code page}, facets already translated to doc values. */
    Document build(IndexedPage page) {
        Document doc = new Document();
        // The id: exact (not analysed) so updateDocument/deleteDocuments can find it by term.
        doc.add(new StringField(PageFields.PATH, page.path(), Field.Store.YES));
        // Searched with English analysis and boosted at query time; stored for the hit's title.
        doc.add(new TextField(PageFields.TITLE, page.title(), Field.Store.YES));
        // The same words unstemmed, so "car" can complete to "Career Day Kit".
        doc.add(new TextField(PageFields.TITLE_WORDS, page.title(), Field.Store.NO));
        String sortKey = page.title().toLowerCase(Locale.ROOT);
        doc.add(new SortedDocValuesField(PageFields.TITLE_SORT,
                new BytesRef(sortKey.substring(0, Math.min(sortKey.length(), SORT_KEY_LENGTH)))));
        for (String heading : page.headings()) {
            doc.add(new TextField(PageFields.HEADINGS, heading, Field.Store.NO));
        }
        doc.add(new Field(PageFields.BODY, page.body(), BODY_TYPE));
        // Real (unstemmed) words of the page: the spell checker must suggest words people write.
        doc.add(new Field(PageFields.SPELL, page.title(), SPELL_TYPE));
        for (String heading : page.headings()) {
            doc.add(new Field(PageFields.SPELL, heading, SPELL_TYPE));
        }
        doc.add(new Field(PageFields.SPELL, page.body(), SPELL_TYPE));
        doc.add(new StoredField(PageFields.SUMMARY, page.summary()));
        addFacet(doc, PageFields.TAGS_DIM, page.tags());
        addFacet(doc, PageFields.AUDIENCE_DIM, page.audience());
        addFacet(doc, PageFields.TYPE_DIM, page.type().stream().toList());
        for (String tag : page.tags()) {
            doc.add(new StoredField(PageFields.TAGS_STORED, tag));
        }
        page.type().ifPresent(type -> doc.add(new StoredField(PageFields.TYPE_STORED, type)));
        // A point for range queries ("changed since"), doc values to sort and break ties by recency.
        long updated = page.updated().toEpochMilli();
        doc.add(new LongPoint(PageFields.UPDATED, updated));
        doc.add(new NumericDocValuesField(PageFields.UPDATED, updated));
        try {
            return facetsConfig.build(doc);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Each value twice: as a facet (sorted-set doc values count it across the matching set) and as
     * an exact lower-cased term (doc values count but cannot filter quickly; terms can).
     */
    private static void addFacet(Document doc, String dimension, List<String> values) {
        for (String value : normalisedValues(values)) {
            doc.add(new SortedSetDocValuesFacetField(dimension, value));
            doc.add(new StringField(PageFields.filterField(dimension), value, Field.Store.NO));
        }
    }

    private static Set<String> normalisedValues(List<String> values) {
        Set<String> result = new LinkedHashSet<>();
        for (String value : values) {
            String normal = facetValue(value);
            if (!normal.isEmpty()) {
                result.add(normal);
            }
        }
        return result;
    }

    /**
     * The canonical form of a tag, audience or type: NFC, control characters dropped, blanks
     * collapsed, lower-cased, bounded. Empty when nothing is left.
     */
    static String facetValue(String value) {
        if (value == null) {
            return "";
        }
        String text = Normalizer.normalize(value, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}]", " ")
                .replaceAll("\\s+", " ")
                .strip()
                .toLowerCase(Locale.ROOT);
        if (text.length() <= MAX_VALUE_LENGTH) {
            return text;
        }
        int end = MAX_VALUE_LENGTH - (Character.isHighSurrogate(text.charAt(MAX_VALUE_LENGTH - 1)) ? 1 : 0);
        return text.substring(0, end).strip();
    }
}
